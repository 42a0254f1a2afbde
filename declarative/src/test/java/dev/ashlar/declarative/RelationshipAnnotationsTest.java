package dev.ashlar.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model reader knows which of this package's annotations declare a relationship without asking them for their
 * meta-annotations: its list is the set of the package's annotation types marked {@link Relationship}.
 */
class RelationshipAnnotationsTest {
    @Test
    void theReadersListIsThePackagesAnnotationsMarkedRelationship() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Model.class.getPackageName().replace('.', '/'));
        Set<Class<?>> annotations = new HashSet<>();
        Set<Class<? extends Annotation>> marked = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class")) {
                    Class<?> type = Class.forName(Model.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                    if (type.isAnnotation()) {
                        annotations.add(type);
                        if (type.isAnnotationPresent(Relationship.class)) {
                            marked.add(type.asSubclass(Annotation.class));
                        }
                    }
                }
            }
        }
        // guard against a vacuous pass: the package's class folder was read
        assertThat(annotations).contains(Model.class, Id.class, UniqueTogether.List.class).hasSizeGreaterThan(20);
        assertThat(ModelReader.RELATIONSHIPS).containsExactlyInAnyOrderElementsOf(marked);
    }
}
