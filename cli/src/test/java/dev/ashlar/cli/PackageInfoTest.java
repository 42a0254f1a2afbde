package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module's main sources has a {@code package-info.java}, which says what the
 * package holds and whether it is API. It reads the source folders rather than classes, because a
 * package-info without annotations compiles to nothing. The command line's module folder sits beside
 * every other module's, so {@code ..} from it is the project.
 */
class PackageInfoTest {

    @Test
    void everyPackageHasPackageInfo() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        List<Path> sourceRoots;
        try (Stream<Path> modules = Files.list(project)) {
            sourceRoots = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        }
        // guard against a vacuous pass: the walk found the modules, not an empty folder
        assertThat(sourceRoots.stream().map(r -> r.getParent().getParent().getParent().getFileName().toString()))
                .contains("core", "declarative", "orm", "cli", "testkit");

        Set<String> packages = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (Path root : sourceRoots) {
            for (Path folder : packageFolders(root)) {
                String where = project.relativize(root.resolve(folder)).toString();
                packages.add(where);
                if (!Files.exists(root.resolve(folder).resolve("package-info.java"))) {
                    missing.add(where);
                }
            }
        }
        assertThat(packages).hasSizeGreaterThan(20);
        assertThat(missing).as("packages without a package-info.java (say what the package holds and whether it is API)")
                .isEmpty();
    }

    /** The folders under {@code root} that hold a Java source file, relative to it. */
    private static List<Path> packageFolders(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f.getParent()))
                    .filter(p -> !p.toString().isEmpty())
                    .distinct()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
