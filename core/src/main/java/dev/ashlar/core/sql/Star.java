package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** The {@code *} of {@code count(*)}. */
public enum Star implements SqlNode {
    INSTANCE;

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitStar(this);
    }
}
