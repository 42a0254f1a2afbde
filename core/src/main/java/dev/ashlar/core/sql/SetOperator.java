package dev.ashlar.core.sql;

/** The operators that combine the rows of two queries. */
public enum SetOperator {
    UNION("UNION"), UNION_ALL("UNION ALL"), INTERSECT("INTERSECT"), EXCEPT("EXCEPT");

    private final String sql;

    SetOperator(String sql) {
        this.sql = sql;
    }

    /** The operator as SQL writes it. */
    public String sql() {
        return sql;
    }
}
