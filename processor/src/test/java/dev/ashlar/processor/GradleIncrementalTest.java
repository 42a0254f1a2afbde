package dev.ashlar.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor is registered with Gradle as aggregating: besides one {@code X_} per model it writes
 * the module's model index ({@code META-INF/ashlar/models}), a file that depends on every model of
 * the compilation, which an isolating processor may not write. Gradle shows an aggregating processor
 * only annotations of CLASS or RUNTIME retention, which every Ashlar annotation has. Each generated
 * source still names its one model as originating element, so Gradle knows what to delete when a
 * model goes away.
 */
class GradleIncrementalTest {
    @Test
    void registeredAsAggregating() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
            assertThat(in).as("META-INF/gradle/incremental.annotation.processors").isNotNull();
            String registration = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(registration).isEqualTo(MetamodelProcessor.class.getName() + ",aggregating");
        }
    }

    @Test
    void eachGeneratedSourceHasExactlyOneOriginatingModel(@TempDir Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/shop"));
        Files.writeString(src.resolve("Item.java"), """
                package shop;
                import dev.ashlar.declarative.*;
                @Model(table = "items")
                public class Item {
                    @Id public Long id;
                    @Required public String name;
                }
                """);
        Files.writeString(src.resolve("Line.java"), """
                package shop;
                import dev.ashlar.declarative.*;
                @Model
                public record Line(@Id long id, @References(model = Item.class) Long itemId) {
                }
                """);
        List<String> writes = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                    "-d", Files.createDirectories(dir.resolve("classes")).toString(),
                    "-s", Files.createDirectories(dir.resolve("generated")).toString());
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, null, options, null,
                    fm.getJavaFileObjectsFromPaths(List.of(src.resolve("Item.java"), src.resolve("Line.java"))));
            task.setProcessors(List.of(new RecordingFiler(new MetamodelProcessor(), writes)));
            assertThat(task.call()).isTrue();
        }
        assertThat(writes.stream().filter(w -> w.startsWith("source")))
                .containsExactlyInAnyOrder("source shop.Item_ from [Item]", "source shop.Line_ from [Line]");
        assertThat(writes.stream().filter(w -> w.startsWith("resource"))).allMatch(w -> w.startsWith("resource /META-INF/ashlar/"));
    }

    /** Runs a processor with a Filer that records what is written and from which elements. */
    private static final class RecordingFiler extends AbstractProcessor {
        private final MetamodelProcessor delegate;
        private final List<String> writes;

        RecordingFiler(MetamodelProcessor delegate, List<String> writes) {
            this.delegate = delegate;
            this.writes = writes;
        }

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            Filer real = env.getFiler();
            Filer recording = (Filer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Filer.class}, (p, m, args) -> {
                switch (m.getName()) {
                    case "createSourceFile", "createClassFile" -> writes.add("source " + args[0] + " from "
                            + Arrays.stream((Element[]) args[1]).map(e -> e.getSimpleName().toString()).toList());
                    case "createResource" -> writes.add("resource " + args[1] + "/" + args[2]);
                    default -> { }
                }
                try {
                    return m.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
            ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ProcessingEnvironment.class}, (p, m, args) -> {
                        if (m.getName().equals("getFiler")) {
                            return recording;
                        }
                        try {
                            return m.invoke(env, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            delegate.init(wrapped);
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }
    }
}
