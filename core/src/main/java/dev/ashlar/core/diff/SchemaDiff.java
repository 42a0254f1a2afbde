package dev.ashlar.core.diff;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.DatabaseEnumType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The difference between two schemas, as the ordered changes that turn {@code current} into
 * {@code target}: models against a reflected database, or one database against another.
 *
 * <p>Everything is compared as the given dialect would write it, so spelling never counts as a
 * difference: a type is compared by its DDL on that dialect (MariaDB's {@code INT(11)} and
 * {@code INT}, {@code DECIMAL} and {@code NUMERIC}, {@code BOOLEAN} and {@code TINYINT(1)}, SQLite's
 * affinity spellings all read back as one Ashlar type), defaults by value ({@code 0.50} and
 * {@code 0.5} on a numeric column, {@code 1} and {@code TRUE} on a boolean one,
 * {@code CURRENT_TIMESTAMP} and {@code current_timestamp()}), and CHECK conditions, index
 * expressions and predicates with quotes, casts, parentheses, case and spaces set aside. Keys,
 * constraints and indexes are matched by what they do, not by name, so a renamed index is not a
 * change. Views are listed by reflection but not compared, since every database rewrites their text.
 * A database enum is compared by its values, in order (a PostgreSQL column's type is only the enum
 * type's name): values added or reordered are safe, a value removed is destructive, as rows may hold it.
 *
 * <p>The order respects foreign keys: keys that go are dropped first, tables are created parents
 * first and dropped children first, and new keys are added last.
 */
public final class SchemaDiff {
    private final List<SchemaChange> changes;
    private final Dialect dialect;

    private SchemaDiff(List<SchemaChange> changes, Dialect dialect) {
        this.changes = List.copyOf(changes);
        this.dialect = dialect;
    }

    /** The changes that turn {@code current} into {@code target}, compared as {@code dialect} writes them. */
    public static SchemaDiff compare(MetaData current, MetaData target, Dialect dialect) {
        return compare(current, target, dialect, Renames.none());
    }

    /**
     * The changes that turn {@code current} into {@code target}, where {@code renames} declares the
     * tables and columns of {@code target} that were renamed. A declared rename becomes a
     * {@link SchemaChange.RenameTable} or {@link SchemaChange.RenameColumn}, which keeps the data,
     * when {@code current} holds the old name and not the new one; otherwise it is ignored (the rename
     * happened already, or the old name never existed). The other changes are then found against
     * {@code current} as it will be after the renames.
     */
    public static SchemaDiff compare(MetaData current, MetaData target, Dialect dialect, Renames renames) {
        return new SchemaDiff(new Comparison(dialect.ddl()).run(current, target, renames), dialect);
    }

    /** The changes, in the order they must be applied. */
    public List<SchemaChange> changes() {
        return changes;
    }

    /** Whether the two schemas are the same. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Whether any change risks data: destructive or data-dependent. */
    public boolean hasRisk() {
        return changes.stream().anyMatch(c -> c.safety() != Safety.SAFE);
    }

    /** The DDL of every change, in order, for the dialect the schemas were compared on. */
    public List<String> statements() {
        return statements(dialect);
    }

    /** The DDL of every change, in order, for {@code other}. */
    public List<String> statements(Dialect other) {
        List<String> out = new ArrayList<>();
        for (SchemaChange change : changes) {
            out.addAll(change.sql(other));
        }
        return out;
    }

    /**
     * Applies the changes over {@code connection}, in one transaction where the database can roll
     * DDL back (PostgreSQL, SQLite), with what table rebuilds need around it.
     *
     * <p>A change that removes values from a database enum is refused first, with an
     * {@link EnumValueInUseException} naming the table, column and values, while rows hold them; then
     * nothing has run. Values that a PostgreSQL enum type gains are added before that transaction and
     * committed on their own (outside a transaction of the caller's), since no statement may use a
     * new value before it commits: they stay should a later change fail, and a diff no longer shows them.
     */
    public void apply(dev.ashlar.core.engine.Connection connection) {
        if (changes.isEmpty()) {
            return;
        }
        Dialect on = connection.dialect();
        List<SchemaChange.AlterColumn> alterations = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AlterColumn a) {
                alterations.add(a);
            } else if (change instanceof SchemaChange.RebuildTable r) {
                r.changes().stream().filter(c -> c instanceof SchemaChange.AlterColumn).forEach(c -> alterations.add((SchemaChange.AlterColumn) c));
            }
        }
        for (SchemaChange.AlterColumn a : alterations) {
            refuseRemovedValuesInUse(connection, a);
        }
        for (SchemaChange.AlterColumn a : alterations) {
            on.ddl().enumAdditions(a.target(), a.current(), a.column()).forEach(connection::executeSql);
        }
        // A live rebuild reads the table as the database stored it and keeps what hangs off it (triggers,
        // views, collations, the AUTOINCREMENT sequence), which the statements of RebuildTable.sql cannot.
        java.util.Optional<dev.ashlar.core.dialect.TableRebuild> rebuild = changes.stream()
                .anyMatch(c -> c instanceof SchemaChange.RebuildTable) ? on.tableRebuild() : java.util.Optional.empty();
        rebuild.ifPresent(r -> r.prepare(connection));
        try (var tx = connection.begin()) {
            for (SchemaChange change : changes) {
                if (change instanceof SchemaChange.RebuildTable r && rebuild.isPresent()) {
                    rebuild.get().rebuild(connection, r.current(), r.target());
                } else if (change instanceof SchemaChange.AlterColumn a) {
                    // what the database drops silently with the change (MariaDB: CHECKs inside the column definition)
                    List<String> restore = on.restoredAfterAlter(connection, a.table(), a.current().name());
                    on.ddl().alterColumn(a.target(), a.current(), a.column()).forEach(connection::executeSql);
                    restore.forEach(connection::executeSql);
                } else {
                    change.sql(on).forEach(connection::executeSql);
                }
            }
            rebuild.ifPresent(r -> r.verify(connection));
            tx.commit();
        } finally {
            rebuild.ifPresent(r -> r.restore(connection));
        }
    }

    /**
     * Throws when rows hold a value that {@code change} removes from its column's enum. The table and
     * column are looked up under the names they have before the diff's renames run.
     */
    private void refuseRemovedValuesInUse(dev.ashlar.core.engine.Connection connection, SchemaChange.AlterColumn change) {
        List<String> removed = change.removedValues();
        if (removed.isEmpty()) {
            return;
        }
        String table = change.table();
        String column = change.current().name();
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.RenameColumn r && r.table().equals(table) && r.to().equals(column)) {
                column = r.from();
            }
        }
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.RenameTable r && r.to().equals(table)) {
                table = r.from();
            }
        }
        dev.ashlar.core.schema.Column<?> held = dev.ashlar.core.schema.Column.of(column, change.current().type());
        Table stub = new MetaData().table(table, held);
        @SuppressWarnings("unchecked")
        dev.ashlar.core.schema.Column<String> values = (dev.ashlar.core.schema.Column<String>) stub.column(column);
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (dev.ashlar.core.engine.Row row : connection.query(dev.ashlar.core.sql.Sql.select(values, dev.ashlar.core.sql.Sql.count())
                .from(stub).where(values.in(removed)).groupBy(values)).list()) {
            rows.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
        }
        if (!rows.isEmpty()) {
            throw new EnumValueInUseException(table, column, rows);
        }
    }

    /** One line per change: safety, then description. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (SchemaChange change : changes) {
            b.append(change.safety()).append(": ").append(change.describe()).append('\n');
        }
        return b.toString();
    }

    /** One comparison; the buckets are filled table by table, then concatenated in a safe order. */
    private static final class Comparison {
        private final DdlCompiler ddl;
        private final List<SchemaChange> dropKeys = new ArrayList<>();
        private final List<SchemaChange> dropOthers = new ArrayList<>();
        private final List<SchemaChange> dropTables = new ArrayList<>();
        private final List<SchemaChange> createTables = new ArrayList<>();
        private final List<SchemaChange> columns = new ArrayList<>();
        private final List<SchemaChange> addOthers = new ArrayList<>();
        private final List<SchemaChange> addKeys = new ArrayList<>();

        Comparison(DdlCompiler ddl) {
            this.ddl = ddl;
        }

        List<SchemaChange> run(MetaData current, MetaData target, Renames renames) {
            List<SchemaChange> renamed = planRenames(current, target, renames);
            if (!renamed.isEmpty()) {
                current = RenamedSchema.copy(current, renamed);
            }
            Map<String, Table> before = byName(current.tables());
            Map<String, Table> after = byName(target.tables());
            Set<ForeignKey> cyclic = new HashSet<>(target.cyclicForeignKeys());
            List<Table> dropped = new ArrayList<>();
            for (Table table : current.sortedTables()) {
                if (!after.containsKey(table.name())) {
                    dropped.add(table);
                }
            }
            Collections.reverse(dropped);
            if (ddl.canAddForeignKeys()) {
                for (ForeignKey fk : current.cyclicForeignKeys()) {
                    Table owner = fk.columns().get(0).table();
                    if (dropped.contains(owner) && fk.referencedTable() != owner) {
                        dropKeys.add(new SchemaChange.DropForeignKey(owner, fk));
                    }
                }
            }
            for (Table table : dropped) {
                // keys from tables that stay to this one go first; the table's own keys go with it
                dropTables.add(new SchemaChange.DropTable(table));
            }
            for (Table table : target.sortedTables()) {
                Table old = before.get(table.name());
                if (old == null) {
                    List<ForeignKey> deferred = new ArrayList<>();
                    if (ddl.canAddForeignKeys()) {
                        for (ForeignKey fk : table.foreignKeys()) {
                            if (cyclic.contains(fk)) {
                                deferred.add(fk);
                                addKeys.add(new SchemaChange.AddForeignKey(table, fk));
                            }
                        }
                    }
                    createTables.add(new SchemaChange.CreateTable(table, deferred));
                } else {
                    compareTable(old, table, before.keySet());
                    if (ddl.rebuildsTables()) {
                        rebuildIfNeeded(old, table);
                    }
                }
            }
            List<SchemaChange> out = new ArrayList<>(renamed);
            out.addAll(dropKeys);
            out.addAll(dropOthers);
            out.addAll(dropTables);
            out.addAll(createTables);
            out.addAll(columns);
            out.addAll(addOthers);
            out.addAll(addKeys);
            return out;
        }

        /**
         * The declared renames that apply: the old name exists in {@code current} and the new one does
         * not. Tables first, then columns under their tables' new names.
         */
        private static List<SchemaChange> planRenames(MetaData current, MetaData target, Renames renames) {
            if (renames.isEmpty()) {
                return List.of();
            }
            Map<String, Table> before = byName(current.tables());
            List<SchemaChange> tables = new ArrayList<>();
            List<SchemaChange> columns = new ArrayList<>();
            for (Table table : target.tables()) {
                Table was = before.get(table.name());
                String from = renames.tableFrom(table.name()).orElse(null);
                if (was == null && from != null && before.containsKey(from) && target.get(from) == null) {
                    was = before.get(from);
                    tables.add(new SchemaChange.RenameTable(from, table.name()));
                }
                if (was == null) {
                    continue;
                }
                for (Column<?> column : table.columns()) {
                    String old = renames.columnFrom(table.name(), column.name()).orElse(null);
                    if (old != null && hasColumn(was, old) && !hasColumn(was, column.name()) && !hasColumn(table, old)) {
                        columns.add(new SchemaChange.RenameColumn(table.name(), old, column.name()));
                    }
                }
            }
            tables.addAll(columns);
            return tables;
        }

        private static boolean hasColumn(Table table, String name) {
            return table.columns().stream().anyMatch(c -> c.name().equals(name));
        }

        /** Folds the table's changes into one rebuild when any of them cannot be done in place. */
        private void rebuildIfNeeded(Table old, Table table) {
            List<List<SchemaChange>> buckets = List.of(dropKeys, dropOthers, columns, addOthers, addKeys);
            List<SchemaChange> own = new ArrayList<>();
            for (List<SchemaChange> bucket : buckets) {
                bucket.stream().filter(c -> c.table().equals(table.name())).forEach(own::add);
            }
            boolean inPlace = own.stream().allMatch(c -> c instanceof SchemaChange.CreateIndex || c instanceof SchemaChange.DropIndex
                    || c instanceof SchemaChange.AddUnique && ddl.addsUniqueInPlace()
                    || c instanceof SchemaChange.SetTableComment || c instanceof SchemaChange.SetColumnComment
                    || c instanceof SchemaChange.AddColumn add && addsInPlace(table, add.column())
                    || c instanceof SchemaChange.DropColumn drop && dropsInPlace(old, drop.column()));
            if (!inPlace) {
                for (List<SchemaChange> bucket : buckets) {
                    bucket.removeIf(c -> c.table().equals(table.name()));
                }
                columns.add(new SchemaChange.RebuildTable(old, table, own));
            }
        }

        /** A nullable plain column with a constant default or none, which SQLite's ADD COLUMN accepts. */
        private static boolean addsInPlace(Table table, Column<?> column) {
            boolean constrained = column.isPrimaryKey() || table.uniqueConstraints().stream().anyMatch(u -> u.columns().contains(column))
                    || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(column))
                    || column.serverDefault() != null && !(column.serverDefault() instanceof dev.ashlar.core.schema.ServerDefault.Literal);
            return column.isNullable() && !constrained;
        }

        /**
         * A column that no key, constraint or index of the table uses, which SQLite's DROP COLUMN
         * (3.35+) removes in place. Checks and partial or expression indexes are text: one that
         * mentions the column's name at all sends the table to a rebuild, which is always correct.
         */
        private static boolean dropsInPlace(Table old, Column<?> column) {
            String name = column.name();
            boolean used = column.isPrimaryKey()
                    || old.uniqueConstraints().stream().anyMatch(u -> u.columns().contains(column))
                    || old.foreignKeys().stream().anyMatch(f -> f.columns().contains(column))
                    || old.indexes().stream().anyMatch(ix -> ix.columns().contains(column)
                            || String.join(" ", ix.expressions()).contains(name) || ix.where() != null && ix.where().contains(name))
                    || old.checks().stream().anyMatch(ck -> ck.sql().contains(name));
            return !used;
        }

        private void compareTable(Table old, Table table, Set<String> existingTables) {
            Map<String, Column<?>> oldColumns = new LinkedHashMap<>();
            old.columns().forEach(c -> oldColumns.put(c.name(), c));
            Set<String> newNames = new HashSet<>();
            for (Column<?> column : table.columns()) {
                newNames.add(column.name());
                Column<?> was = oldColumns.get(column.name());
                if (was == null) {
                    columns.add(new SchemaChange.AddColumn(table, column));
                } else {
                    compareColumn(table, was, column);
                }
            }
            // keys, constraints and indexes first, so that columns they use can go
            Map<String, ForeignKey> oldKeys = keyed(old.foreignKeys(), this::signature);
            Map<String, ForeignKey> newKeys = keyed(table.foreignKeys(), this::signature);
            oldKeys.forEach((sig, fk) -> {
                if (!newKeys.containsKey(sig)) {
                    dropKeys.add(new SchemaChange.DropForeignKey(old, fk));
                }
            });
            newKeys.forEach((sig, fk) -> {
                if (!oldKeys.containsKey(sig)) {
                    addKeys.add(new SchemaChange.AddForeignKey(table, fk));
                }
            });
            compareUniquesAndIndexes(old, table);
            Map<String, CheckConstraint> oldChecks = keyed(old.checks(), this::signature);
            Map<String, CheckConstraint> newChecks = keyed(table.checks(), this::signature);
            oldChecks.forEach((sig, ck) -> {
                if (!newChecks.containsKey(sig)) {
                    dropOthers.add(new SchemaChange.DropCheck(old, ck));
                }
            });
            newChecks.forEach((sig, ck) -> {
                if (!oldChecks.containsKey(sig)) {
                    addOthers.add(new SchemaChange.AddCheck(table, ck));
                }
            });
            if (!names(old.primaryKey()).equals(names(table.primaryKey()))) {
                columns.add(new SchemaChange.AlterPrimaryKey(old, table));
            }
            for (Column<?> column : old.columns()) {
                if (!newNames.contains(column.name())) {
                    columns.add(new SchemaChange.DropColumn(old, column));
                }
            }
            if (ddl.supportsComments() && !Objects.equals(comment(old.comment()), comment(table.comment()))) {
                columns.add(new SchemaChange.SetTableComment(table));
            }
        }

        /**
         * Unique constraints and indexes. Where the database keeps unique constraints as unique
         * indexes (MariaDB), both sides' plain unique indexes count as unique constraints.
         */
        private void compareUniquesAndIndexes(Table old, Table table) {
            Map<String, Object> oldUnique = new LinkedHashMap<>();
            Map<String, Object> newUnique = new LinkedHashMap<>();
            Map<String, Index> oldIndexes = new LinkedHashMap<>();
            Map<String, Index> newIndexes = new LinkedHashMap<>();
            split(old, oldUnique, oldIndexes);
            split(table, newUnique, newIndexes);
            oldUnique.forEach((sig, u) -> {
                if (!newUnique.containsKey(sig)) {
                    dropOthers.add(u instanceof UniqueConstraint uq ? new SchemaChange.DropUnique(old, uq) : new SchemaChange.DropIndex(old, (Index) u));
                }
            });
            newUnique.forEach((sig, u) -> {
                if (!oldUnique.containsKey(sig)) {
                    addOthers.add(u instanceof UniqueConstraint uq ? new SchemaChange.AddUnique(table, uq) : new SchemaChange.CreateIndex(table, (Index) u));
                }
            });
            oldIndexes.forEach((sig, ix) -> {
                if (!newIndexes.containsKey(sig)) {
                    dropOthers.add(new SchemaChange.DropIndex(old, ix));
                }
            });
            newIndexes.forEach((sig, ix) -> {
                if (!oldIndexes.containsKey(sig)) {
                    addOthers.add(new SchemaChange.CreateIndex(table, ix));
                }
            });
        }

        /**
         * A unique constraint over exactly the primary key's columns adds nothing, and PostgreSQL and
         * SQLite do not even create it; it is left out on both sides.
         */
        private void split(Table table, Map<String, Object> uniques, Map<String, Index> indexes) {
            List<String> key = names(table.primaryKey());
            for (UniqueConstraint uq : table.uniqueConstraints()) {
                if (!names(uq.columns()).equals(key)) {
                    uniques.putIfAbsent("unique" + names(uq.columns()), uq);
                }
            }
            for (Index ix : table.indexes()) {
                boolean plainUnique = ix.unique() && !ix.isExpressionIndex() && ix.where() == null && !ix.descending().contains(true);
                if (plainUnique && ddl.uniqueConstraintsAreIndexes() && names(ix.columns()).equals(key)) {
                    continue;
                }
                if (plainUnique && ddl.uniqueConstraintsAreIndexes()) {
                    uniques.putIfAbsent("unique" + names(ix.columns()), ix);
                } else {
                    indexes.putIfAbsent(signature(ix), ix);
                }
            }
        }

        private void compareColumn(Table table, Column<?> was, Column<?> column) {
            List<String> changes = new ArrayList<>();
            Safety safety = Safety.SAFE;
            String oldType = ddl.columnType(was);
            String newType = ddl.columnType(column);
            boolean typeDiffers = !typeKey(oldType).equals(typeKey(newType));
            if (was.type() instanceof DatabaseEnumType from && column.type() instanceof DatabaseEnumType to) {
                // the values themselves: PostgreSQL's column type is only the enum type's name
                if (!from.values().equals(to.values())) {
                    changes.add("values " + values(from) + " -> " + values(to));
                } else if (typeDiffers) {
                    changes.add("type " + oldType + " -> " + newType);
                }
                // rows may hold a removed value; added or reordered values keep every row
                safety = to.values().containsAll(from.values()) ? Safety.SAFE : Safety.DESTRUCTIVE;
            } else if (typeDiffers) {
                changes.add("type " + oldType + " -> " + newType);
                safety = Widening.isWidening(was.type(), column.type()) ? Safety.SAFE : Safety.DESTRUCTIVE;
            }
            if (was.isNullable() != column.isNullable()) {
                changes.add(column.isNullable() ? "drop NOT NULL" : "set NOT NULL");
                if (!column.isNullable() && safety == Safety.SAFE) {
                    safety = Safety.DATA_DEPENDENT;
                }
            }
            String oldDefault = Canonical.serverDefault(was.serverDefault(), was.type(), ddl);
            String newDefault = Canonical.serverDefault(column.serverDefault(), column.type(), ddl);
            if (!ddl.generatesValues(column) && !ddl.generatesValues(was) && !Objects.equals(oldDefault, newDefault)) {
                changes.add("default " + oldDefault + " -> " + newDefault);
            }
            if (ddl.generatesValues(was) != ddl.generatesValues(column)) {
                changes.add(ddl.generatesValues(column) ? "database generates values" : "database no longer generates values");
            }
            if (!changes.isEmpty()) {
                columns.add(new SchemaChange.AlterColumn(table, was, column, changes, safety));
            }
            if (ddl.supportsComments() && !Objects.equals(comment(was.comment()), comment(column.comment()))) {
                columns.add(new SchemaChange.SetColumnComment(table, column));
            }
        }

        private String signature(ForeignKey fk) {
            return names(fk.columns()) + "->" + fk.referencedTable().name() + names(fk.referenced())
                    + " ON DELETE " + ddl.effectiveAction(fk.onDelete()) + " ON UPDATE " + ddl.effectiveAction(fk.onUpdate());
        }

        private String signature(CheckConstraint ck) {
            return Canonical.expression(ddl.storedExpression(ck.sql()));
        }

        private String signature(Index ix) {
            StringBuilder b = new StringBuilder(ix.unique() ? "unique " : "");
            if (ix.isExpressionIndex()) {
                ix.expressions().forEach(e -> b.append(Canonical.expression(ddl.storedExpression(e))).append(';'));
            } else {
                for (int i = 0; i < ix.columns().size(); i++) {
                    b.append(ix.columns().get(i).name()).append(ix.descending().get(i) ? " desc" : "").append(';');
                }
            }
            return b.append(" where ").append(ix.where() == null ? "" : Canonical.expression(ddl.storedExpression(ix.where()))).toString();
        }

        private static String values(DatabaseEnumType type) {
            return type.values().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }

        /** An empty comment is no comment: PostgreSQL removes a comment set to '', and MariaDB shows none as ''. */
        private static String comment(String comment) {
            return comment == null || comment.isEmpty() ? null : comment;
        }

        private static String typeKey(String ddlType) {
            return ddlType.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
        }

        private static List<String> names(List<Column<?>> columns) {
            return columns.stream().map(Column::name).toList();
        }

        private static Map<String, Table> byName(List<Table> tables) {
            Map<String, Table> map = new LinkedHashMap<>();
            tables.forEach(t -> map.put(t.name(), t));
            return map;
        }

        private static <T> Map<String, T> keyed(List<T> items, java.util.function.Function<T, String> key) {
            Map<String, T> map = new LinkedHashMap<>();
            items.forEach(i -> map.putIfAbsent(key.apply(i), i));
            return map;
        }
    }
}
