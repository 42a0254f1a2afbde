package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources as a project would: javac with the test classpath, on which the
 * annotation processor sits, so that it checks the models and writes their metamodels.
 */
final class ModelCompiler {
    private ModelCompiler() {
    }

    /** Compiles every {@code .java} under {@code sources} into {@code classes}, failing the test with javac's messages. */
    static void compile(Path sources, Path classes) {
        try {
            Files.createDirectories(classes);
            List<String> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
            List<String> args = new java.util.ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-s", classes.toString(), "--release", "17", "-encoding", "UTF-8",
                    "-Xlint:all", "-Xlint:-processing", "-Xlint:-options", "-Werror"));
            args.addAll(files);
            int status = javac.run(null, messages, messages, args.toArray(String[]::new));
            assertThat(status).as("javac:\n" + messages.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
