package dev.ashlar.migrate.internal;

import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.MigrationException;
import dev.ashlar.migrate.Revision;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the migration classes of one package on a class loader, in folders and in jars. */
public final class ScriptScanner {
    private ScriptScanner() {
    }

    /** Every concrete {@link Migration} with a {@link Revision} directly in {@code packageName}, in name order. */
    public static List<Class<? extends Migration>> scan(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).filter(ScriptScanner::topLevelClass)
                                .forEach(f -> names.add(packageName + "." + f.substring(0, f.length() - ".class".length())));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(path + "/"))
                                .map(n -> n.substring(path.length() + 1)).filter(n -> !n.contains("/") && topLevelClass(n))
                                .forEach(f -> names.add(packageName + "." + f.substring(0, f.length() - ".class".length())));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("cannot list the classes of package " + packageName + ": " + e.getMessage(), e);
        }
        List<Class<? extends Migration>> out = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationException("cannot load " + name + " from package " + packageName + ": " + e, e);
            }
            if (Migration.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                out.add(type.asSubclass(Migration.class));
            }
        }
        if (out.isEmpty()) {
            throw new MigrationException("no migration scripts (classes implementing Migration with @Revision) in package "
                    + packageName + " on the classpath; check the package name and that the scripts are compiled onto the classpath");
        }
        return out;
    }

    private static boolean topLevelClass(String file) {
        return file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class");
    }
}
