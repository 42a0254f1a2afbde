package dev.ashlar.opentelemetry;

import java.util.Locale;
import java.util.regex.Pattern;

/** SQL text made safe for a span: literals replaced by {@code ?}; Ashlar's own statements bind every value already. */
final class QueryText {
    // A quoted string ('' inside it is an escaped quote), or a number that is not part of a name.
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'|(?<![\\w.$\"`])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w\"`])");

    private QueryText() {
    }

    static String withoutLiterals(String sql) {
        return LITERAL.matcher(sql).replaceAll("?");
    }

    static String firstKeyword(String sql) {
        String trimmed = sql.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return end == 0 ? "OTHER" : trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
