package dev.ashlar.migrate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A revision's script: its id, parents and message from {@link Revision}, and the class that holds it.
 *
 * @param file where the script's source lives, as errors name it ({@code AddSku.java} in its package)
 */
public record Script(String id, List<String> parents, String message, Class<? extends Migration> type, String file) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The script of a migration class, checked for a well-formed {@link Revision}. */
    public static Script of(Class<? extends Migration> type) {
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            throw new MigrationException(type.getName() + " implements Migration but has no @Revision(id = ..., parents = ...); "
                    + "annotate it so the migrator knows where it stands in the history");
        }
        for (String id : concat(revision.id(), revision.parents())) {
            if (!ID.matcher(id).matches()) {
                throw new MigrationException(type.getName() + ": revision id '" + id + "' must be 1 to 64 letters, digits, '_', '-' or '.'");
            }
        }
        String source = type.getName().replace('.', '/');
        int inner = source.indexOf('$');
        return new Script(revision.id(), List.of(revision.parents()), revision.message(), type,
                (inner < 0 ? source : source.substring(0, inner)) + ".java");
    }

    /** A fresh instance of the migration, made through its no-argument constructor. */
    public Migration newMigration() {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new MigrationException(type.getName() + " needs a no-argument constructor so the migrator can create it", e);
        }
    }

    private static List<String> concat(String id, String[] parents) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), java.util.Arrays.stream(parents)).toList();
    }
}
