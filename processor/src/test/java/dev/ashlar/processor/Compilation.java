package dev.ashlar.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources in-process with javac, the test classpath and (optionally) the processor given explicitly. */
final class Compilation {
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path classes;
    final Path generated;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path generated) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.classes = classes;
        this.generated = generated;
    }

    /**
     * How javac gets the processor: {@code EXPLICIT}ly handed to it; {@code DISCOVERED} through
     * META-INF/services on the classpath, as in a build that declares the processor as a dependency; or
     * {@code NONE}, not run at all ({@code -proc:none}).
     */
    enum Processing { EXPLICIT, DISCOVERED, NONE }

    /** Compiles {@code sources} (path relative to the source root, to text) with the processor as {@code processing} says. */
    static Compilation compile(Path dir, Processing processing, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Path generated = Files.createDirectories(dir.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = new ArrayList<>(List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                        "-d", classes.toString(), "-s", generated.toString()));
                if (processing == Processing.NONE) {
                    options.add("-proc:none");
                }
                JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, options, null,
                        fm.getJavaFileObjectsFromPaths(files));
                if (processing == Processing.EXPLICIT) {
                    task.setProcessors(List.of(new MetamodelProcessor()));
                }
                boolean ok = task.call();
                return new Compilation(ok, diagnostics.getDiagnostics(), classes, generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error diagnostics, each as {@code File.java:line: message}. */
    List<String> errors() {
        return diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString())
                        + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /** A class loader over the compiled classes, delegating to the test's for Ashlar itself. */
    URLClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Compilation(success=" + success + ", errors=" + errors() + ")";
    }
}
