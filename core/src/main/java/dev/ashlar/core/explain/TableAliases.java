package dev.ashlar.core.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table names behind the aliases of a query, such as {@code i} in {@code FROM items AS i}.
 *
 * <p>SQLite and MariaDB name an aliased table by its alias in their plans, while a verdict should
 * name the table. For a statement that Ashlar compiled, the aliases come from the statement tree
 * ({@link #of(Map)}, filled by the compiler). Only raw SQL, which has no tree, is read by
 * {@link #of(String)}: a lightweight scan of the words of its {@code FROM} and {@code JOIN}
 * clauses, not a SQL parser, so an alias it cannot place is left as it is.
 */
public final class TableAliases {
    private static final Set<String> KEYWORDS = Set.of("where", "on", "using", "join", "inner", "left", "right",
            "full", "cross", "natural", "outer", "group", "order", "limit", "having", "union", "except", "intersect",
            "window", "for", "set", "values", "offset", "fetch", "straight_join", "force", "use", "ignore",
            "returning", "lateral", "and", "or", "select", "from", "with", "as", "partition", "tablesample",
            "indexed", "not", "into", "lock", "procedure");

    private final Map<String, String> tableByAlias;

    private TableAliases(Map<String, String> tableByAlias) {
        this.tableByAlias = tableByAlias;
    }

    /** The aliases of a compiled statement: alias to table name, as {@code SqlCompiler.tableAliases()} gives them. */
    public static TableAliases of(Map<String, String> tableByAlias) {
        Map<String, String> lower = new HashMap<>();
        tableByAlias.forEach((alias, table) -> lower.put(alias.toLowerCase(Locale.ROOT), table));
        return new TableAliases(lower);
    }

    /** Reads the aliases that the {@code FROM} and {@code JOIN} clauses of raw SQL give. */
    public static TableAliases of(String sql) {
        List<String> words = words(sql);
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            if (word.equals("from") || word.equals("join")) {
                i = readTableList(words, i + 1, word.equals("from"), aliases) - 1;
            }
        }
        return new TableAliases(aliases);
    }

    /**
     * The table that a name in a plan stands for: the aliased table when the query gave that alias,
     * otherwise the name itself.
     */
    public String tableFor(String nameInPlan) {
        if (nameInPlan == null) {
            return null;
        }
        return tableByAlias.getOrDefault(nameInPlan.toLowerCase(Locale.ROOT), nameInPlan);
    }

    /** Reads {@code name [AS] alias}, repeated after commas in a FROM list; returns where it stopped. */
    private static int readTableList(List<String> words, int i, boolean commaList, Map<String, String> aliases) {
        while (i < words.size()) {
            if (words.get(i).equals("(")) {
                return i; // a subquery: its alias names no stored table
            }
            if (!isName(words.get(i))) {
                return i;
            }
            String table = words.get(i++);
            while (i + 1 < words.size() && words.get(i).equals(".") && isName(words.get(i + 1))) {
                table = words.get(i + 1); // schema.table: plans name the table alone
                i += 2;
            }
            if (i < words.size() && words.get(i).equalsIgnoreCase("as")) {
                i++;
            }
            if (i < words.size() && isName(words.get(i))) {
                aliases.put(words.get(i).toLowerCase(Locale.ROOT), table);
                i++;
            }
            if (!commaList || i >= words.size() || !words.get(i).equals(",")) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean isName(String word) {
        char first = word.charAt(0);
        boolean identifier = Character.isLetter(first) || first == '_';
        return identifier && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Splits SQL into words (identifiers with their quotes removed, keywords, numbers) and single
     * punctuation characters; string literals and comments are dropped.
     */
    private static List<String> words(String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = skipQuoted(sql, i, close);
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1));
                if (!name.isEmpty()) {
                    words.add(name);
                }
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                words.add(sql.substring(start, i));
            } else {
                words.add(String.valueOf(c));
                i++;
            }
        }
        return words;
    }

    /** Returns the index just after the closing quote; a doubled quote inside is part of the text. */
    private static int skipQuoted(String sql, int open, char close) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close && close != ']') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
