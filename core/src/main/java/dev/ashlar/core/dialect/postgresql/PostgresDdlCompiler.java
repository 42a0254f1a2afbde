package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.TypeCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import dev.ashlar.core.types.DatabaseEnumType;
import dev.ashlar.core.types.LargeBinaryType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.UuidType;

/** PostgreSQL's DDL: standard, with identity columns for autoincrement. Only type names differ. */
class PostgresDdlCompiler extends DdlCompiler {
    PostgresDdlCompiler(Dialect dialect) {
        super(dialect, new TypeCompiler() {
            @Override
            public String render(SqlType<?> type) {
                if (type instanceof LargeBinaryType t) {
                    return "BYTEA";
                }
                if (type instanceof UuidType t) {
                    return "UUID";
                }
                return super.render(type);
            }

            @Override
            protected String json() {
                return "JSONB";
            }
        });
    }

    /** A database enum is a named type here: the column's type is that name. */
    @Override
    public String columnType(Column<?> column) {
        if (column.type() instanceof dev.ashlar.core.types.DatabaseEnumType e) {
            return q(enumName(column, e));
        }
        return super.columnType(column);
    }

    /**
     * {@code CREATE TYPE name AS ENUM (...)} for each enum column, inside a block that leaves a type
     * of that name alone when it exists already (PostgreSQL has no CREATE TYPE IF NOT EXISTS), as
     * createAll leaves existing tables alone.
     */
    @Override
    public List<String> createTypes(Table table) {
        List<String> out = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (column.type() instanceof DatabaseEnumType e) {
                String sql = createType(enumName(column, e), e);
                if (!out.contains(sql)) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    /**
     * {@code DROP TYPE} for each enum column's type, inside a block that leaves the type alone when
     * another table still uses it (or it is gone already), so that dropping the tables of one
     * metadata removes its types and nothing else.
     */
    @Override
    public List<String> dropTypes(Table table) {
        List<String> out = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (column.type() instanceof DatabaseEnumType e) {
                String sql = "DO $$ BEGIN DROP TYPE IF EXISTS " + q(enumName(column, e))
                        + "; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$";
                if (!out.contains(sql)) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS} for each value that the type gains while keeping
     * the others in their order: at its place, {@code BEFORE} the first old value or {@code AFTER} the
     * value before it. The values belong to the type, so the statements serve every column of it.
     */
    @Override
    public List<String> enumAdditions(Table table, Column<?> current, Column<?> target) {
        if (!(current.type() instanceof DatabaseEnumType from) || !(target.type() instanceof DatabaseEnumType to)
                || !enumName(current, from).equals(enumName(target, to)) || from.values().equals(to.values())
                || !addsOnly(from.values(), to.values())) {
            return List.of();
        }
        String prefix = "ALTER TYPE " + q(enumName(target, to)) + " ADD VALUE IF NOT EXISTS ";
        List<String> values = to.values();
        String firstOld = values.stream().filter(from.values()::contains).findFirst().orElseThrow();
        boolean leading = true;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            leading &= !value.equals(firstOld);
            if (from.values().contains(value)) {
                continue;
            }
            String place = leading ? " BEFORE " + dialect.stringLiteral(firstOld)
                    : i == values.size() - 1 ? "" : " AFTER " + dialect.stringLiteral(values.get(i - 1));
            out.add(prefix + dialect.stringLiteral(value) + place);
        }
        return out;
    }

    /**
     * Enum columns: values the type only gains are added by {@link #enumAdditions}; a type that loses
     * or reorders values is made again under its name, every column of it converted through text
     * ({@code remakeEnum}); a column that moves to another enum type gets that type (made where it
     * is missing), its values carried over as text and its default set again, since PostgreSQL casts
     * neither an enum to another nor a default along with its column.
     */
    @Override
    public List<String> alterColumn(Table table, Column<?> current, Column<?> target) {
        if (!(target.type() instanceof DatabaseEnumType to)) {
            return super.alterColumn(table, current, target);
        }
        String name = enumName(target, to);
        List<String> out = new ArrayList<>();
        if (current.type() instanceof DatabaseEnumType from && enumName(current, from).equals(name)) {
            if (!addsOnly(from.values(), to.values())) {
                out.add(remakeEnum(name, to));
            }
            out.addAll(super.alterColumn(table, current, target));
            return out;
        }
        out.add(createType(name, to));
        String prefix = "ALTER TABLE " + q(table.name()) + " ALTER COLUMN " + q(target.name()) + " ";
        if (current.serverDefault() != null) {
            out.add(prefix + "DROP DEFAULT");
        }
        out.add(prefix + "TYPE " + q(name) + " USING " + q(target.name()) + "::text::" + q(name));
        // the rest (nullability, the default) as for a column that had the new type and no default
        out.addAll(super.alterColumn(table, Column.of(current.name(), to).nullable(current.isNullable()), target));
        return out;
    }

    /** Whether {@code to} holds every value of {@code from}, in the same order, so values need only be added. */
    private static boolean addsOnly(List<String> from, List<String> to) {
        return to.stream().filter(from::contains).toList().equals(from);
    }

    /**
     * The block that gives enum type {@code name} exactly the values of {@code to} when it holds
     * others (and does nothing when it holds those already, so it may run once per column): the old
     * type renamed, the new one created, each table column of the old type converted through text
     * with its default dropped and set again when the value remains, the old type dropped. A row
     * holding a value the new type lacks fails the conversion, and with it the whole block; schema
     * diff and migrations refuse such rows first, naming them.
     */
    private String remakeEnum(String name, DatabaseEnumType to) {
        String type = dialect.stringLiteral(q(name));
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < to.values().size(); i++) {
            array.append(i == 0 ? "" : ", ").append(dialect.stringLiteral(to.values().get(i)));
        }
        array.append("]::text[]");
        return "DO $ashlar$ DECLARE r record; v text; BEGIN"
                + " IF (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = to_regtype(" + type
                + ")) = " + array + " THEN RETURN; END IF;"
                + " ALTER TYPE " + q(name) + " RENAME TO ashlar_old_enum;"
                + " CREATE TYPE " + q(name) + " AS ENUM " + enumValues(to) + ";"
                + " FOR r IN SELECT a.attrelid::regclass AS t, a.attname AS c, pg_get_expr(d.adbin, d.adrelid) AS def"
                + " FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.atttypid = 'ashlar_old_enum'::regtype AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND k.relkind IN ('r', 'p') AND NOT k.relispartition LOOP"
                + " v := NULL;"
                + " IF r.def IS NOT NULL THEN EXECUTE 'SELECT (' || r.def || ')::text' INTO v;"
                + " EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', r.t, r.c); END IF;"
                + " EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::text::%s', r.t, r.c, " + type + ", r.c, " + type + ");"
                + " IF v = ANY (" + array + ") THEN"
                + " EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %L::%s', r.t, r.c, v, " + type + "); END IF;"
                + " END LOOP;"
                + " DROP TYPE ashlar_old_enum;"
                + " END $ashlar$";
    }

    /** {@code CREATE TYPE name AS ENUM (...)}, leaving a type of that name alone when it exists. */
    private String createType(String name, DatabaseEnumType type) {
        return "DO $$ BEGIN CREATE TYPE " + q(name) + " AS ENUM " + enumValues(type)
                + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    }

    /**
     * The type's own name, or for an enum without one (read from MariaDB or SQLite, or made in code)
     * a name from its values, {@code enum_happy_sad}: the same for every column with those values, so
     * a foreign key between two such columns joins columns of one type.
     */
    static String enumName(Column<?> column, dev.ashlar.core.types.DatabaseEnumType type) {
        if (type.name() != null) {
            return type.name();
        }
        String words = String.join("_", type.values()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String name = "enum_" + words;
        if (name.length() > 40) {
            name = name.substring(0, 31) + "_" + String.format("%08x", type.values().hashCode());
        }
        return name;
    }

    @Override
    public List<String> commentStatements(Table table) {
        List<String> out = new ArrayList<>();
        if (table.comment() != null) {
            out.addAll(setTableComment(table, table.comment()));
        }
        for (Column<?> column : table.columns()) {
            if (column.comment() != null) {
                out.addAll(setColumnComment(table, column));
            }
        }
        return out;
    }

    /** CONCURRENTLY builds without blocking writes, but refuses to run inside a transaction block. */
    @Override
    public IndexBuild createIndexOnline(Table table, Index index) {
        return new IndexBuild(createIndex(table, index).replaceFirst("INDEX ", "INDEX CONCURRENTLY "), false);
    }

    /**
     * PostgreSQL keeps a type change in place when the old values are valid in the new type as they
     * are stored: a longer VARCHAR, VARCHAR to TEXT, a NUMERIC with more integer digits and the same
     * scale. Anything else rewrites the table under an ACCESS EXCLUSIVE lock (readers wait too).
     * SET NOT NULL scans the table under that lock; ADD COLUMN with a constant default is instant.
     */
    @Override
    public dev.ashlar.core.dialect.DdlEffect effect(dev.ashlar.core.dialect.DdlEffect.Change change, String table, Column<?> from,
                                                   Column<?> to) {
        return switch (change) {
            case ALTER_COLUMN_TYPE -> from != null && to != null && from.type() instanceof DatabaseEnumType a
                    && to.type() instanceof DatabaseEnumType b && enumName(from, a).equals(enumName(to, b))
                    ? addsOnly(a.values(), b.values())
                    ? dev.ashlar.core.dialect.DdlEffect.metadataOnly("adds values to enum type " + enumName(to, b) + " (no rewrite)")
                    : dev.ashlar.core.dialect.DdlEffect.rewrites("makes enum type " + enumName(to, b) + " again and rewrites every table "
                    + "that uses it under an ACCESS EXCLUSIVE lock: reads and writes wait while every row is converted")
                    : keepsStorage(from, to)
                    ? dev.ashlar.core.dialect.DdlEffect.metadataOnly("keeps the stored values of " + table + "." + to.name() + " (no rewrite)")
                    : dev.ashlar.core.dialect.DdlEffect.rewrites("rewrites table " + table + " under an ACCESS EXCLUSIVE lock: reads and "
                    + "writes wait while every row is converted to " + types.render(to.type()));
            case SET_NOT_NULL -> dev.ashlar.core.dialect.DdlEffect.blocksWrites("scans " + table
                    + " under an ACCESS EXCLUSIVE lock: reads and writes wait while every row is checked");
            default -> super.effect(change, table, from, to);
        };
    }

    private static boolean keepsStorage(Column<?> from, Column<?> to) {
        if (from.type() instanceof dev.ashlar.core.types.StringType a) {
            if (to.type() instanceof dev.ashlar.core.types.TextType) {
                return true;
            }
            return to.type() instanceof dev.ashlar.core.types.StringType b
                    && (b.length().isEmpty() || a.length().isPresent() && b.length().getAsInt() >= a.length().getAsInt());
        }
        return from.type() instanceof dev.ashlar.core.types.NumericType a && to.type() instanceof dev.ashlar.core.types.NumericType b
                && a.scale() == b.scale() && b.precision() >= a.precision();
    }
}
