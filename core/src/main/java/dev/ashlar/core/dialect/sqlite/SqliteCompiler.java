package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;

/** SQLite's statement spellings. */
class SqliteCompiler extends SqlCompiler {
    SqliteCompiler(Dialect dialect) {
        super(dialect);
    }

    /** SQLite accepts OFFSET only after a LIMIT; {@code LIMIT -1} means no limit. */
    @Override
    protected void limitOffset(Long limit, Long offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT -1");
        }
        super.limitOffset(limit, offset);
    }
}
