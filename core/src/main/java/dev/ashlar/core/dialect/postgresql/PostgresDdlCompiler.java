package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.TypeCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
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
            if (column.type() instanceof dev.ashlar.core.types.DatabaseEnumType e) {
                String sql = "DO $$ BEGIN CREATE TYPE " + q(enumName(column, e)) + " AS ENUM " + enumValues(e)
                        + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
                if (!out.contains(sql)) {
                    out.add(sql);
                }
            }
        }
        return out;
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
            case ALTER_COLUMN_TYPE -> keepsStorage(from, to)
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
