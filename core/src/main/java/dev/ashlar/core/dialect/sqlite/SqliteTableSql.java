package dev.ashlar.core.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a stored {@code CREATE TABLE} or {@code CREATE INDEX} text that SQLite's pragmas do
 * not report: constraint names, CHECK conditions, index expressions and WHERE predicates. SQLite
 * keeps the DDL exactly as it was written, so this reads it back with a small tokenizer that knows
 * SQLite's quoting ({@code "x"}, {@code `x`}, {@code [x]}, {@code 'text'}) and nesting.
 */
final class SqliteTableSql {
    /**
     * A named or unnamed constraint: its kind (UNIQUE, CHECK, FOREIGN KEY, PRIMARY KEY), name, the
     * text after the kind, and the column whose definition holds it ({@code null} for a table constraint).
     */
    record Constraint(String kind, String name, String body, String column) {
    }

    private SqliteTableSql() {
    }

    /** The table constraints of a CREATE TABLE text, in order. */
    static List<Constraint> constraints(String createTable) {
        List<Constraint> out = new ArrayList<>();
        int open = createTable.indexOf('(', afterName(createTable));
        if (open < 0) {
            return out;
        }
        for (String item : splitTopLevel(createTable.substring(open + 1, closing(createTable, open)))) {
            String rest = item.strip();
            String name = null;
            if (startsWithWord(rest, "CONSTRAINT")) {
                rest = rest.substring("CONSTRAINT".length()).strip();
                int end = identifierEnd(rest, 0);
                name = unquoteIdentifier(rest.substring(0, end));
                rest = rest.substring(end).strip();
            }
            String upper = rest.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (startsWithWord(rest, "UNIQUE")) {
                out.add(new Constraint("UNIQUE", name, rest.substring(6).strip(), null));
            } else if (startsWithWord(rest, "CHECK")) {
                out.add(new Constraint("CHECK", name, rest.substring(5).strip(), null));
            } else if (upper.startsWith("FOREIGN KEY") || upper.startsWith("PRIMARY KEY")) {
                int key = rest.toUpperCase(Locale.ROOT).indexOf("KEY");
                out.add(new Constraint(upper.substring(0, 11), name, rest.substring(key + 3).strip(), null));
            } else {
                out.addAll(columnChecks(rest));
            }
        }
        return out;
    }

    /** The items of a CREATE TABLE text's body (column definitions and table constraints), as written. */
    static List<String> bodyItems(String createTable) {
        int open = createTable.indexOf('(', afterName(createTable));
        return open < 0 ? List.of() : splitTopLevel(createTable.substring(open + 1, closing(createTable, open)));
    }

    /** What follows a CREATE TABLE text's body, such as {@code WITHOUT ROWID} or {@code STRICT}. */
    static String tableOptions(String createTable) {
        int open = createTable.indexOf('(', afterName(createTable));
        return open < 0 ? "" : createTable.substring(Math.min(closing(createTable, open) + 1, createTable.length()));
    }

    /** Whether a body item is a table constraint rather than a column definition. */
    static boolean isConstraint(String item) {
        String s = item.strip();
        String upper = s.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return startsWithWord(s, "CONSTRAINT") || startsWithWord(s, "UNIQUE") || startsWithWord(s, "CHECK")
                || upper.startsWith("FOREIGN KEY") || upper.startsWith("PRIMARY KEY");
    }

    /** The column a column definition defines. */
    static String columnName(String item) {
        String s = item.strip();
        return unquoteIdentifier(s.substring(0, identifierEnd(s, 0)));
    }

    /**
     * The CHECKs written inside a column definition ({@code name TEXT CHECK (length(name) > 0)}),
     * which SQLite enforces exactly as table constraints; a rebuild keeps them as such.
     */
    private static List<Constraint> columnChecks(String columnDefinition) {
        List<Constraint> out = new ArrayList<>();
        String pendingName = null;
        for (int i = identifierEnd(columnDefinition, 0); i < columnDefinition.length(); i++) {
            char ch = columnDefinition.charAt(i);
            if (ch == '"' || ch == '`' || ch == '\'' || ch == '[') {
                i = identifierEnd(columnDefinition, i) - 1;
            } else if (ch == '(') {
                i = closing(columnDefinition, i);
            } else if (Character.isLetter(ch) && (i == 0 || !Character.isLetterOrDigit(columnDefinition.charAt(i - 1)))) {
                String rest = columnDefinition.substring(i);
                if (startsWithWord(rest, "CONSTRAINT")) {
                    int start = skipSpace(columnDefinition, i + "CONSTRAINT".length());
                    int end = identifierEnd(columnDefinition, start);
                    pendingName = unquoteIdentifier(columnDefinition.substring(start, end));
                    i = end - 1;
                } else if (startsWithWord(rest, "CHECK")) {
                    int open = columnDefinition.indexOf('(', i);
                    int close = closing(columnDefinition, open);
                    out.add(new Constraint("CHECK", pendingName, columnDefinition.substring(open, Math.min(close + 1, columnDefinition.length())),
                            columnName(columnDefinition)));
                    pendingName = null;
                    i = close;
                }
            }
        }
        return out;
    }

    /**
     * Where the table or index name ends in {@code CREATE [UNIQUE] TABLE|INDEX [IF NOT EXISTS] name},
     * read word by word from the start, since a quoted name may hold any keyword.
     */
    private static int afterName(String sql) {
        int i = skipSpace(sql, 0);
        for (String word : List.of("CREATE", "UNIQUE", "TEMPORARY", "TEMP", "TABLE", "INDEX", "IF", "NOT", "EXISTS")) {
            if (startsWithWord(sql.substring(i), word)) {
                i = skipSpace(sql, i + word.length());
            }
        }
        i = identifierEnd(sql, i);
        while (i < sql.length() && sql.charAt(i) == '.') {
            i = identifierEnd(sql, i + 1);
        }
        return i;
    }

    /** The parenthesised list that follows the start of {@code text}, as the items between top-level commas. */
    static List<String> parenthesised(String text) {
        int open = text.indexOf('(');
        return open < 0 ? List.of() : splitTopLevel(text.substring(open + 1, closing(text, open)));
    }

    /** The text after the parenthesised list that starts {@code text}. */
    static String afterParenthesised(String text) {
        int open = text.indexOf('(');
        return open < 0 ? text : text.substring(closing(text, open) + 1);
    }

    /** The key parts and the WHERE predicate (or null) of a CREATE INDEX text. */
    static String[] indexParts(String createIndex) {
        int i = skipSpace(createIndex, afterName(createIndex));
        i = skipSpace(createIndex, i + 2); // ON
        i = identifierEnd(createIndex, i);
        int open = createIndex.indexOf('(', i);
        int close = closing(createIndex, open);
        String where = createIndex.substring(close + 1).strip();
        where = startsWithWord(where, "WHERE") ? where.substring(5).strip() : null;
        return new String[]{createIndex.substring(open + 1, close), where};
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean startsWithWord(String s, String word) {
        return s.regionMatches(true, 0, word, 0, word.length())
                && (s.length() == word.length() || !Character.isLetterOrDigit(s.charAt(word.length())) && s.charAt(word.length()) != '_');
    }

    /** The end of the identifier (quoted or bare) that starts at {@code i}. */
    static int identifierEnd(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char first = s.charAt(i);
        char close = switch (first) {
            case '"' -> '"';
            case '`' -> '`';
            case '[' -> ']';
            case '\'' -> '\'';
            default -> 0;
        };
        if (close == 0) {
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                j++;
            }
            return j;
        }
        int j = i + 1;
        while (j < s.length()) {
            if (s.charAt(j) == close) {
                if (close != ']' && j + 1 < s.length() && s.charAt(j + 1) == close) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return j;
    }

    /** An identifier without its quotes, doubled quotes undone. */
    static String unquoteIdentifier(String id) {
        String s = id.strip();
        if (s.length() >= 2) {
            char f = s.charAt(0);
            char l = s.charAt(s.length() - 1);
            if (f == '"' && l == '"' || f == '`' && l == '`' || f == '\'' && l == '\'') {
                return s.substring(1, s.length() - 1).replace(String.valueOf(f) + f, String.valueOf(f));
            }
            if (f == '[' && l == ']') {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    /** The index of the parenthesis that closes the one at {@code open}, outside quotes. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '`' || ch == '\'' || ch == '[') {
                i = identifierEnd(s, i) - 1;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return s.length();
    }

    /** {@code s} split at commas that are outside parentheses and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '`' || ch == '\'' || ch == '[') {
                i = identifierEnd(s, i) - 1;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!s.substring(start).isBlank()) {
            out.add(s.substring(start).strip());
        }
        return out;
    }
}
