package dev.ashlar.core.engine;

/**
 * What kind of statement an {@link ExecutionListener} is told about: a bounded set, fit for a
 * metrics tag. Transaction control (BEGIN, COMMIT, ROLLBACK and the savepoint statements) has kinds
 * of its own, so that a listener sees transactions begin and end through the same two callbacks.
 */
public enum StatementKind {
    /** A SELECT (or another statement that returns rows, such as a write with RETURNING read as rows). */
    QUERY,
    /** An INSERT. */
    INSERT,
    /** An UPDATE. */
    UPDATE,
    /** A DELETE. */
    DELETE,
    /** A bulk load of rows outside INSERT, such as PostgreSQL's {@code COPY ... FROM STDIN}. */
    COPY,
    /** Schema changes: CREATE, ALTER, DROP, TRUNCATE and the like. */
    DDL,
    /** An EXPLAIN asked for by {@link Connection#explain}. */
    EXPLAIN,
    /** Raw SQL whose first word says none of the above (SET, PRAGMA, CALL, ...). */
    OTHER,
    /** The start of a transaction (on JDBC, autocommit turned off). */
    BEGIN,
    /** The end of a transaction that kept its work. */
    COMMIT,
    /** The end of a transaction that discarded its work. */
    ROLLBACK,
    /** {@code SAVEPOINT name}: a transaction begun inside another. */
    SAVEPOINT,
    /** {@code RELEASE SAVEPOINT name}: a nested transaction committed into the one around it. */
    RELEASE_SAVEPOINT,
    /** {@code ROLLBACK TO SAVEPOINT name}: a nested transaction rolled back. */
    ROLLBACK_TO_SAVEPOINT;

    /** Whether this kind begins, ends or nests a transaction rather than reading or writing data. */
    public boolean isTransactionControl() {
        return ordinal() >= BEGIN.ordinal();
    }

    /**
     * The kind of raw SQL text, from its first keyword after any comments and parentheses: SELECT,
     * WITH, VALUES, SHOW and the like are queries; CREATE, ALTER, DROP, TRUNCATE, RENAME and COMMENT
     * are DDL.
     */
    public static StatementKind ofSql(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        String word = sql.substring(start, i).toUpperCase(java.util.Locale.ROOT);
        return switch (word) {
            case "SELECT", "WITH", "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC" -> QUERY;
            case "INSERT", "REPLACE" -> INSERT;
            case "UPDATE" -> UPDATE;
            case "DELETE" -> DELETE;
            case "COPY" -> COPY;
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT" -> DDL;
            case "EXPLAIN" -> EXPLAIN;
            case "BEGIN", "START" -> BEGIN;
            case "COMMIT", "END" -> COMMIT;
            case "SAVEPOINT" -> SAVEPOINT;
            case "RELEASE" -> RELEASE_SAVEPOINT;
            case "ROLLBACK" -> sql.toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bROLLBACK\\s+(WORK\\s+)?TO\\b.*")
                    ? ROLLBACK_TO_SAVEPOINT : ROLLBACK;
            default -> OTHER;
        };
    }
}
