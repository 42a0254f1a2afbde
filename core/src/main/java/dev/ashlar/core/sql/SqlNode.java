package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/**
 * A part of a SQL statement. Nodes only describe; a dialect's {@link SqlCompiler} walks them and
 * writes SQL text, each node calling back the one {@code visit} method for its kind.
 */
public interface SqlNode {
    /** Calls the compiler's visit method for this node's kind. */
    void accept(SqlCompiler compiler);
}
