package dev.ashlar.core.diff;

import dev.ashlar.core.error.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renames that a schema's author declared, for {@link SchemaDiff} to turn into {@code RENAME}
 * statements that keep the data. A diff never guesses a rename from similar names or types: a column
 * that disappears while another appears is a drop and an add unless it is declared here (in models,
 * with {@code @RenamedFrom}).
 *
 * <pre>{@code
 * Renames renames = Renames.none().table("products", "items").column("items", "description", "details");
 * SchemaDiff diff = SchemaDiff.compare(database, models, dialect, renames);
 * }</pre>
 *
 * <p>Names are as the database holds them; a column rename is keyed by its table's new name.
 * Immutable: every method returns a new value.
 */
public final class Renames {
    private static final Renames NONE = new Renames(Map.of(), Map.of());

    /** new table name to old table name */
    private final Map<String, String> tables;
    /** new table name to (new column name to old column name) */
    private final Map<String, Map<String, String>> columns;

    private Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {
        this.tables = tables;
        this.columns = columns;
    }

    /** No renames. */
    public static Renames none() {
        return NONE;
    }

    /** These renames and table {@code from}, now called {@code to}. */
    public Renames table(String from, String to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new UsageException("table " + to + " cannot be renamed from its own name");
        }
        Map<String, String> t = new LinkedHashMap<>(tables);
        t.put(to, from);
        return new Renames(Map.copyOf(t), columns);
    }

    /** These renames and column {@code from} of {@code table} (the table's new name), now called {@code to}. */
    public Renames column(String table, String from, String to) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new UsageException("column " + table + "." + to + " cannot be renamed from its own name");
        }
        Map<String, Map<String, String>> c = new LinkedHashMap<>(columns);
        Map<String, String> own = new LinkedHashMap<>(c.getOrDefault(table, Map.of()));
        own.put(to, from);
        c.put(table, Map.copyOf(own));
        return new Renames(tables, Map.copyOf(c));
    }

    /** These renames and {@code other}'s; {@code other} wins where both rename the same name. */
    public Renames and(Renames other) {
        Renames out = this;
        for (var e : other.tables.entrySet()) {
            out = out.table(e.getValue(), e.getKey());
        }
        for (var t : other.columns.entrySet()) {
            for (var e : t.getValue().entrySet()) {
                out = out.column(t.getKey(), e.getValue(), e.getKey());
            }
        }
        return out;
    }

    /** The old name of table {@code table}, when it was declared renamed. */
    public Optional<String> tableFrom(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** The old name of column {@code column} of {@code table} (new names), when it was declared renamed. */
    public Optional<String> columnFrom(String table, String column) {
        return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(column));
    }

    /** Whether nothing is renamed. */
    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    @Override
    public String toString() {
        return "Renames[tables=" + tables + ", columns=" + columns + "]";
    }
}
