package dev.ashlar.cli;

import dev.ashlar.core.error.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's {@code ashlar.properties}, found in the working folder or the nearest parent that has
 * one, so that commands run bare inside a project:
 *
 * <pre>
 * url = postgresql://app@localhost:5432/app
 * models = com.example.app.model
 * migrations = com.example.app.migrations
 * classpath = target/classes:lib/extra.jar
 * </pre>
 *
 * Paths in {@code classpath} (separated by {@code :} or {@code ,}) are relative to the file's folder.
 * A key the file should not hold is an error, so that a typo does not pass unnoticed. An option on the
 * command line, then an environment variable ({@code DATABASE_URL}), win over the file.
 */
public final class ProjectFile {
    /** The file name looked for. */
    public static final String NAME = "ashlar.properties";
    /** The keys the file may hold. */
    public static final Set<String> KEYS = Set.of("url", "models", "migrations", "classpath");

    private final Path file;
    private final Properties values;

    private ProjectFile(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** No project file: every value is absent. */
    static ProjectFile none() {
        return new ProjectFile(null, new Properties());
    }

    /**
     * The {@value #NAME} in {@code folder} or its nearest parent that has one, or {@link #none()}.
     *
     * @throws ConfigurationException if the file cannot be read or holds an unknown key
     */
    static ProjectFile find(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        return none();
    }

    /** Reads {@code file}, checking its keys. */
    static ProjectFile read(Path file) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot read the project file " + file + ": " + e.getMessage()
                    + "; it must be a properties file (key = value lines)", e);
        }
        Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("the project file " + file + " holds unknown key(s) " + unknown
                    + "; the keys it may hold are " + new TreeSet<>(KEYS));
        }
        return new ProjectFile(file, values);
    }

    /** The file that was read, if there was one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The database URL ({@code url}). */
    public Optional<String> url() {
        return value("url");
    }

    /** The package that holds the project's models ({@code models}). */
    public Optional<String> models() {
        return value("models");
    }

    /** The package that holds the project's revision classes ({@code migrations}). */
    public Optional<String> migrations() {
        return value("migrations");
    }

    /** The {@code classpath} entries, resolved against the file's folder; empty when absent. */
    public List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        value("classpath").ifPresent(text -> {
            for (String entry : text.split("[:,]")) {
                if (!entry.isBlank()) {
                    entries.add(file.getParent().resolve(entry.strip()).normalize());
                }
            }
        });
        return entries;
    }

    private Optional<String> value(String key) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return file == null ? "no " + NAME : file.toString();
    }
}
