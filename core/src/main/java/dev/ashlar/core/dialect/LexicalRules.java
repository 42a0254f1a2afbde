package dev.ashlar.core.dialect;

/**
 * How a database's SQL text spells literals, quoted identifiers and comments: what a scanner of
 * raw SQL (the {@code :name} parameter parser) must skip so that a colon inside one is never taken
 * for a parameter. Each dialect returns its own from {@link Dialect#lexicalRules()}; the standard
 * rules ({@link #STANDARD}) know {@code '...'} strings with doubled quotes, {@code "..."}
 * identifiers, {@code --} line comments and {@code /* *}{@code /} block comments.
 *
 * @param backslashEscapes      a backslash inside a string literal escapes the next character (MariaDB by default)
 * @param doubleQuotedStrings   {@code "..."} is a string literal, with the same escapes as {@code '...'}, not an identifier
 * @param escapeStrings         {@code E'...'} strings, in which a backslash escapes the next character (PostgreSQL)
 * @param dollarQuotedStrings   {@code $$...$$} and {@code $tag$...$tag$} strings, taken verbatim (PostgreSQL)
 * @param nestedBlockComments   block comments nest, so {@code /* /* *}{@code / *}{@code /} is one comment (PostgreSQL)
 * @param hashComments          {@code #} starts a comment to the end of the line (MariaDB)
 * @param identifierQuotes      the characters that open a quoted identifier, besides {@code "} where it quotes one:
 *                              {@code `} (MariaDB, SQLite) and {@code [} (SQLite, closed by {@code ]})
 */
public record LexicalRules(boolean backslashEscapes, boolean doubleQuotedStrings, boolean escapeStrings, boolean dollarQuotedStrings,
                           boolean nestedBlockComments, boolean hashComments, String identifierQuotes) {
    /** The SQL standard's rules. */
    public static final LexicalRules STANDARD = new LexicalRules(false, false, false, false, false, false, "");
}
