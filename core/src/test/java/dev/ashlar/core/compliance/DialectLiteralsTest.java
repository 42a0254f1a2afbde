package dev.ashlar.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.dialect.DialectProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dialect knowledge lives only in the dialect packages: no string literal in core's main sources
 * outside {@code dialect/<name>/} spells a dialect's name or URL scheme (which installed providers
 * declare) or one of the catalog quirks below. Code that needs to know asks the dialect (its
 * {@link DialectProvider}, capabilities or hooks) instead of comparing names, where ArchUnit's
 * package rules cannot see the dependency. Comments are not checked: documentation may name
 * databases.
 */
class DialectLiteralsTest {
    private static final Path MAIN = Path.of("src/main/java/dev/ashlar/core");
    private static final Path DIALECTS = MAIN.resolve("dialect");

    /** Catalog quirks, by the dialect package that alone may spell them. */
    private static final Map<String, List<String>> QUIRKS = Map.of(
            "postgresql", List.of("_pkey", "pg_catalog", "pg_class", "pg_index"),
            "sqlite", List.of("sqlite_autoindex", "sqlite_master", "sqlite_sequence", "sqlite_"),
            "mariadb", List.of());

    /**
     * Files whose quirks another branch is moving into the dialects, left out until that lands:
     * {@code reflect/Inspector.java}, whose {@code "postgresql"}, {@code "sqlite"}, {@code "_pkey"}
     * and {@code "sqlite_autoindex"} the {@code reflect} branch moves (issue 9, item 3). Remove the
     * entry when it has.
     */
    private static final Set<String> PENDING = Set.of("reflect/Inspector.java");

    @Test
    void noDialectNameOrQuirkIsAStringLiteralOutsideItsDialectPackage() throws IOException {
        Map<String, Pattern> forbidden = new LinkedHashMap<>();
        for (DialectProvider provider : ServiceLoader.load(DialectProvider.class)) {
            String name = provider.create().name();
            for (String word : concat(provider.schemes(), Set.of(name))) {
                forbidden.put(word, Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE));
            }
            for (String quirk : QUIRKS.getOrDefault(name, List.of())) {
                forbidden.put(quirk, Pattern.compile(Pattern.quote(quirk)));
            }
        }
        assertThat(forbidden).containsKeys("sqlite", "postgresql", "postgres", "mariadb", "mysql", "_pkey", "sqlite_autoindex");

        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).filter(f -> !insideADialectPackage(f))
                    .filter(f -> !PENDING.contains(MAIN.relativize(f).toString().replace('\\', '/')))
                    .forEach(f -> {
                        for (String literal : literals(read(f))) {
                            forbidden.forEach((word, pattern) -> {
                                if (pattern.matcher(literal).find()) {
                                    violations.add(MAIN.relativize(f) + ": \"" + literal + "\" names " + word);
                                }
                            });
                        }
                    });
        }
        assertThat(violations).as("dialect names and quirks outside their dialect packages").isEmpty();
    }

    @Test
    void theScannerFindsLiteralsAndSkipsComments() {
        List<String> found = literals("""
                /* "in a comment" */ String a = "one \\" quoted"; // "line comment"
                char c = '"'; String b = "two";
                String t = \"""
                    text block
                    \""";
                """);
        assertThat(found).containsExactly("one \\\" quoted", "two", "\n    text block\n    ");
    }

    /** In {@code dialect/<name>/}: the shared {@code dialect} package itself is not a dialect's. */
    private static boolean insideADialectPackage(Path file) {
        return file.startsWith(DIALECTS) && DIALECTS.relativize(file).getNameCount() > 1;
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals (and text blocks) of Java source, outside comments and character literals. */
    static List<String> literals(String source) {
        List<String> out = new ArrayList<>();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(source.substring(i + 1, Math.min(end, n)));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
