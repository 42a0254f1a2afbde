package dev.ashlar.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements the way the target server's own client would, so that a
 * semicolon inside a string literal ({@code 'Rock; Roll'}), a quoted identifier or a comment does
 * not end a statement.
 *
 * <p>Understood: single-quoted strings with doubled quotes ({@code 'it''s'}); double-quoted
 * identifiers (strings in MySQL); {@code --} and block comments (nested on PostgreSQL, as there);
 * PostgreSQL {@code E'...'} strings and dollar quoting ({@code $$...$$}, {@code $tag$...$tag$});
 * MySQL backticks, {@code #} comments and, where in effect, backslash escapes ({@code 'it\'s'}).
 * A psql meta-command (a line starting with a backslash, such as {@code \c chinook}) is returned as
 * a statement of its own, for the caller to skip or act on, since JDBC cannot run it.
 *
 * <p>Returned statements are trimmed, have no terminating semicolon and never consist of comments
 * only. Comments before a statement are dropped; comments inside one are kept as written.
 */
public final class SqlScript {

    /** How a server reads a script. */
    public enum Dialect {
        /** PostgreSQL with {@code standard_conforming_strings} on (its default since 9.1). */
        POSTGRESQL(false, false),
        /** MySQL or MariaDB with its default SQL mode, where a backslash escapes the next character in strings. */
        MYSQL(true, true),
        /** MySQL or MariaDB with {@code NO_BACKSLASH_ESCAPES} in its SQL mode: a backslash is an ordinary character. */
        MYSQL_NO_BACKSLASH_ESCAPES(true, false);

        final boolean mysql;
        final boolean backslashEscapes;

        Dialect(boolean mysql, boolean backslashEscapes) {
            this.mysql = mysql;
            this.backslashEscapes = backslashEscapes;
        }
    }

    private final String sql;
    private final Dialect dialect;
    private final List<String> statements = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int pos;

    private SqlScript(String sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /**
     * The statements of a script, in order.
     *
     * @throws TestSetupException when a string, quoted identifier or block comment is not
     *     closed, naming the line it starts on (splitting on would silently merge statements)
     */
    public static List<String> split(String script, Dialect dialect) {
        SqlScript s = new SqlScript(script, dialect);
        s.run();
        return List.copyOf(s.statements);
    }

    private void run() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            boolean started = current.length() > 0;
            if (c == ';') {
                flush();
                pos++;
            } else if (isLineComment(c)) {
                int end = lineEnd(pos);
                keepIfStarted(started, end);
            } else if (c == '/' && peek(1) == '*') {
                int end = blockCommentEnd(pos);
                // MySQL runs /*! ... */ comments as code: they start a statement like any code
                if (dialect.mysql && peek(2) == '!') {
                    current.append(sql, pos, end);
                    pos = end;
                } else {
                    keepIfStarted(started, end);
                }
            } else if (!started && Character.isWhitespace(c)) {
                pos++;
            } else if (!started && c == '\\' && !dialect.mysql) {
                // a psql meta-command runs to the end of its line, not to a semicolon
                int end = lineEnd(pos);
                statements.add(sql.substring(pos, end).strip());
                pos = end;
            } else if (c == '\'') {
                boolean backslash = dialect.backslashEscapes || (!dialect.mysql && isEscapeStringPrefix());
                copyQuoted('\'', backslash, "string");
            } else if (c == '"') {
                // a string in MySQL's default mode, an identifier in PostgreSQL: both double the quote
                copyQuoted('"', dialect.backslashEscapes, dialect.mysql ? "string" : "quoted identifier");
            } else if (c == '`' && dialect.mysql) {
                copyQuoted('`', false, "quoted identifier");
            } else if (c == '$' && !dialect.mysql && dollarTag() != null) {
                copyDollarQuoted(dollarTag());
            } else {
                current.append(c);
                pos++;
            }
        }
        flush();
    }

    private boolean isLineComment(char c) {
        if (c == '#' && dialect.mysql) {
            return true;
        }
        if (c != '-' || peek(1) != '-') {
            return false;
        }
        // MySQL needs whitespace (or the end) after "--", so that "1--1" stays an expression
        return !dialect.mysql || pos + 2 >= sql.length() || Character.isWhitespace(sql.charAt(pos + 2))
                || Character.isISOControl(sql.charAt(pos + 2));
    }

    private void keepIfStarted(boolean started, int end) {
        if (started) {
            current.append(sql, pos, end);
        }
        pos = end;
    }

    private int lineEnd(int from) {
        int nl = sql.indexOf('\n', from);
        return nl < 0 ? sql.length() : nl + 1;
    }

    private int blockCommentEnd(int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                // MySQL does not nest comments: a second "/*" is just text inside the first
                depth = dialect.mysql ? 1 : depth + 1;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw unterminated("block comment", start);
    }

    /** Whether the quote at {@code pos} opens a PostgreSQL E'...' string, where backslashes escape. */
    private boolean isEscapeStringPrefix() {
        if (pos == 0 || Character.toUpperCase(sql.charAt(pos - 1)) != 'E') {
            return false;
        }
        return pos == 1 || !isIdentifierPart(sql.charAt(pos - 2));
    }

    private void copyQuoted(char quote, boolean backslashEscapes, String what) {
        int start = pos;
        int i = pos + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    current.append(sql, start, i + 1);
                    pos = i + 1;
                    return;
                }
            } else {
                i++;
            }
        }
        throw unterminated(what, start);
    }

    /** The dollar-quote tag starting at {@code pos} ({@code $$} or {@code $name$}), or null when there is none. */
    private String dollarTag() {
        if (pos > 0 && isIdentifierPart(sql.charAt(pos - 1))) {
            return null; // '$' inside an identifier such as a$b
        }
        int i = pos + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return null; // a parameter such as $1
        }
        while (i < sql.length() && isIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(pos, i + 1) : null;
    }

    private void copyDollarQuoted(String tag) {
        int start = pos;
        int close = sql.indexOf(tag, pos + tag.length());
        if (close < 0) {
            throw unterminated("dollar-quoted string " + tag, start);
        }
        int end = close + tag.length();
        current.append(sql, start, end);
        pos = end;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void flush() {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private TestSetupException unterminated(String what, int start) {
        int line = 1;
        for (int i = 0; i < start; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return new TestSetupException("unterminated " + what + " starting on line " + line + "; close it in the script");
    }
}
