package dev.ashlar.core.dialect.sqlite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code detail} line of SQLite's {@code EXPLAIN QUERY PLAN} says, read from the text alone.
 *
 * <p>SQLite words its plan lines for people, and the words changed in 3.36 ({@code SCAN TABLE items}
 * became {@code SCAN items}); both forms are read. The rules:
 * <ul>
 *   <li>{@code SCAN t} reads all of {@code t}: a full scan.
 *   <li>{@code SCAN t USING [COVERING] INDEX ix} walks all of index {@code ix}: still a full scan of
 *       {@code t}, since it visits every row, with {@code ix} reported as used.
 *   <li>{@code SEARCH t USING [COVERING] INDEX ix (...)} looks rows up through {@code ix}: no full scan.
 *   <li>{@code SEARCH t USING INTEGER PRIMARY KEY (rowid=?)} and {@code USING PRIMARY KEY} look rows
 *       up by the primary key, reported as the index {@code PRIMARY KEY}.
 *   <li>{@code USING AUTOMATIC ... INDEX}: SQLite builds a throw-away index for this one query, which
 *       means reading all of {@code t} first, so it counts as a full scan and names no index.
 *   <li>{@code SCAN CONSTANT ROW} and {@code SCAN (subquery-1)} read no stored table.
 *   <li>Any other line ({@code USE TEMP B-TREE FOR ORDER BY}, {@code MATERIALIZE c},
 *       {@code SCALAR SUBQUERY 2}, ...) is an operation of its own with no table.
 * </ul>
 *
 * @param operation {@code SCAN}, {@code SEARCH}, or the whole line for other steps
 * @param target the table or alias the line names, or null
 * @param aliasGiven whether the line itself says which table the target is an alias of (older
 *     SQLite: {@code SCAN TABLE items AS i}); then {@code target} is already the table
 * @param index the index used, or null
 * @param fullScan whether the step reads every row of {@code target}
 */
record SqlitePlanLine(String operation, String target, boolean aliasGiven, String index, boolean fullScan) {
    private static final Pattern ACCESS = Pattern.compile(
            "^(SCAN|SEARCH)\\s+(?:TABLE\\s+)?(\"[^\"]+\"|\\S+)(?:\\s+AS\\s+(\"[^\"]+\"|\\S+))?(.*)$", Pattern.DOTALL);
    private static final Pattern NAMED_INDEX = Pattern.compile("\\bUSING\\s+(?:COVERING\\s+)?INDEX\\s+(\"[^\"]+\"|\\S+)");
    private static final Pattern PRIMARY_KEY = Pattern.compile("\\bUSING\\s+(?:INTEGER\\s+)?PRIMARY\\s+KEY\\b");
    private static final Pattern AUTOMATIC_INDEX = Pattern.compile("\\bUSING\\s+AUTOMATIC\\b");

    /** The name under which a primary-key lookup reports its index. */
    static final String PRIMARY_KEY_INDEX = "PRIMARY KEY";

    /** Reads one detail line. Never fails: a line it does not know becomes an operation with no table. */
    static SqlitePlanLine parse(String detail) {
        String line = detail == null ? "" : detail.strip();
        Matcher access = ACCESS.matcher(line);
        if (!access.matches()) {
            return new SqlitePlanLine(line, null, false, null, false);
        }
        String operation = access.group(1);
        String target = unquote(access.group(2));
        String rest = access.group(4);
        if (target.startsWith("(") || target.equals("CONSTANT") && rest.strip().startsWith("ROW")
                || target.equals("SUBQUERY")) {
            return new SqlitePlanLine(operation, null, false, null, false);
        }
        boolean aliasGiven = access.group(3) != null;
        if (AUTOMATIC_INDEX.matcher(rest).find()) {
            return new SqlitePlanLine(operation, target, aliasGiven, null, true);
        }
        String index = null;
        Matcher named = NAMED_INDEX.matcher(rest);
        if (named.find()) {
            index = unquote(named.group(1));
        } else if (PRIMARY_KEY.matcher(rest).find()) {
            index = PRIMARY_KEY_INDEX;
        }
        return new SqlitePlanLine(operation, target, aliasGiven, index, operation.equals("SCAN"));
    }

    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
