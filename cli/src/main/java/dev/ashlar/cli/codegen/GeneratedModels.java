package dev.ashlar.cli.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources {@link ModelGenerator} wrote, still in memory: the model files and the package's
 * {@code package-info.java} (which lists the tables left out and why), by their paths under a
 * source folder.
 */
public final class GeneratedModels {
    private final Map<Path, String> files;
    private final Map<String, String> models;
    private final Map<String, String> skipped;

    GeneratedModels(Map<Path, String> files, Map<String, String> models, Map<String, String> skipped) {
        this.files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
        this.skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** Each source by its path relative to the source folder ({@code com/example/Album.java}), in path order. */
    public Map<Path, String> files() {
        return files;
    }

    /** The table of each model, by class name, in name order. */
    public Map<String, String> models() {
        return models;
    }

    /** The tables left out, with the reason for each, by table name. */
    public Map<String, String> skipped() {
        return skipped;
    }

    /**
     * Writes the files under {@code sourceFolder}, leaving those whose content is already the same
     * untouched, so that a second run changes nothing (not even modification times). Each file is
     * written beside its place first and then moved there, so an error (a full disk, a read-only
     * folder) leaves no file half written.
     *
     * @return the files written (changed or new), relative to {@code sourceFolder}
     * @throws UncheckedIOException when a file cannot be written; the files moved into place before it stay
     */
    public List<Path> writeTo(Path sourceFolder) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Path target = sourceFolder.resolve(file.getKey());
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                staged.put(file.getKey(), temp);
                Files.write(temp, bytes);
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> s : staged.entrySet()) {
                Files.move(s.getValue(), sourceFolder.resolve(s.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(s.getKey());
            }
            return written;
        } catch (IOException e) {
            for (Path temp : staged.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the first error is the one to report
                }
            }
            throw new UncheckedIOException("cannot write the models under " + sourceFolder + ": " + e.getMessage(), e);
        }
    }
}
