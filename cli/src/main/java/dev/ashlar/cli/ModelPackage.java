package dev.ashlar.cli;

import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The models of one package, found on a classpath (folders of classes and jars): every class
 * annotated {@link Model} in the package or below, read into one metadata.
 */
final class ModelPackage {
    private ModelPackage() {
    }

    /**
     * Loads the package's models from {@code classpath} (the command line's own classpath when empty).
     *
     * @throws ConfigurationException when an entry does not exist, or the package holds no model
     */
    static MetaData load(String packageName, List<Path> classpath) {
        return read(packageName, classpath).metadata();
    }

    /** The models' tables and the renames they declare with {@code @RenamedFrom}. */
    record Loaded(MetaData metadata, dev.ashlar.core.diff.Renames renames) {
    }

    /**
     * Loads the package's models and their declared renames, as {@link #load} does.
     *
     * @throws ConfigurationException when an entry does not exist, or the package holds no model
     */
    static Loaded read(String packageName, List<Path> classpath) {
        ModelRegistry registry = new ModelRegistry(new MetaData());
        int models = 0;
        for (Class<?> type : classes(packageName, classpath)) {
            if (type.isAnnotationPresent(Model.class)) {
                registry.of(type);
                models++;
            }
        }
        if (models == 0) {
            throw new ConfigurationException("package " + packageName + " holds no @Model class on the classpath "
                    + (classpath.isEmpty() ? "of the command line" : classpath.toString())
                    + "; check --models and give --classpath the compiled classes (for example target/classes)");
        }
        return new Loaded(registry.metadata(), registry.renames());
    }

    /**
     * The top-level classes of the package and its subpackages on {@code classpath} (the command line's
     * own classpath when empty), loaded in name order without initialising them; generated metamodels
     * ({@code Item_}) and nested classes are left out. The models of {@link #load} and the revisions of
     * the migration commands are both found here.
     *
     * @throws ConfigurationException when an entry does not exist or a class does not load
     */
    static List<Class<?>> classes(String packageName, List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new ConfigurationException("classpath entry " + entry + " does not exist; give --classpath the folder of "
                        + "compiled classes (for example target/classes) or a jar");
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigurationException("classpath entry " + entry + " is not a path: " + e.getMessage());
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ModelPackage.class.getClassLoader());
        TreeSet<String> classNames = new TreeSet<>();
        String folder = packageName.replace('.', '/');
        try {
            for (Path entry : classpath) {
                if (Files.isDirectory(entry)) {
                    Path dir = entry.resolve(folder);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.walk(dir)) {
                            files.filter(f -> f.toString().endsWith(".class")).forEach(f ->
                                    classNames.add(className(entry.relativize(f).toString().replace('\\', '/'))));
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            if (name.startsWith(folder + "/") && name.endsWith(".class")) {
                                classNames.add(className(name));
                            }
                        }
                    }
                }
            }
            if (classpath.isEmpty()) {
                Enumeration<URL> roots = loader.getResources(folder);
                while (roots.hasMoreElements()) {
                    URL root = roots.nextElement();
                    if (root.getProtocol().equals("jar")) {
                        java.net.JarURLConnection connection = (java.net.JarURLConnection) root.openConnection();
                        try (JarFile jar = connection.getJarFile()) {
                            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                                String name = e.nextElement().getName();
                                if (name.startsWith(folder + "/") && name.endsWith(".class")) {
                                    classNames.add(className(name));
                                }
                            }
                        }
                    } else if (root.getProtocol().equals("file")) {
                        Path dir = Path.of(root.toURI());
                        try (Stream<Path> files = Files.walk(dir)) {
                            files.filter(f -> f.toString().endsWith(".class")).forEach(f ->
                                    classNames.add(packageName + "." + className(dir.relativize(f).toString().replace('\\', '/'))));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classpath: " + e.getMessage(), e);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException("cannot read the classpath: " + e.getMessage());
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames) {
            if (name.endsWith("_") || name.contains("$")) {
                continue; // generated metamodels and nested classes
            }
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConfigurationException("cannot load class " + name + " from the classpath (" + e
                        + "); give --classpath every folder and jar the classes need");
            }
        }
        return classes;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
