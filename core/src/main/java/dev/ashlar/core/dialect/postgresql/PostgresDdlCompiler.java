package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.TypeCompiler;
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

    /** CONCURRENTLY builds without blocking writes, but refuses to run inside a transaction block. */
    @Override
    public IndexBuild createIndexOnline(String table, String name, boolean unique, java.util.List<String> columns) {
        return new IndexBuild("CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + q(name) + " ON " + q(table)
                + " (" + names(columns) + ")", false);
    }
}
