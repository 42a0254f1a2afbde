package dev.ashlar.core.sql;

/** The kinds of join. */
public enum JoinType {
    INNER("JOIN"), LEFT("LEFT JOIN"), RIGHT("RIGHT JOIN"), FULL("FULL JOIN");

    private final String sql;

    JoinType(String sql) {
        this.sql = sql;
    }

    /** The join as SQL writes it. */
    public String sql() {
        return sql;
    }
}
