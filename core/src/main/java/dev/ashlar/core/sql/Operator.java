package dev.ashlar.core.sql;

/** Binary operators, with the SQL spelling most databases share. Dialects override spellings that differ. */
public enum Operator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
    AND("AND"), OR("OR"),
    ADD("+"), SUB("-"), MUL("*"), DIV("/"),
    LIKE("LIKE"), CONCAT("||");

    private final String sql;

    Operator(String sql) {
        this.sql = sql;
    }

    /** The operator as written in standard SQL. */
    public String sql() {
        return sql;
    }
}
