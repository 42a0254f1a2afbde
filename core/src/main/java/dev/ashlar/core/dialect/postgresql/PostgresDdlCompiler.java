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
}
