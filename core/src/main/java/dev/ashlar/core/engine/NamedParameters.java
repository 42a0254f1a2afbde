package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.LexicalRules;
import dev.ashlar.core.error.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code :name} placeholders in raw SQL into {@code ?}. Everything the dialect's
 * {@link LexicalRules} call a literal, a quoted identifier or a comment is copied unchanged (so a
 * colon inside {@code $$...$$}, {@code E'...'}, {@code `...`} or {@code /* ... *}{@code /} is text),
 * and PostgreSQL's {@code ::} casts are not placeholders.
 */
record NamedParameters(String sql, List<String> names) {
    static NamedParameters parse(String text) {
        return parse(text, LexicalRules.STANDARD);
    }

    static NamedParameters parse(String text, LexicalRules rules) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if (c == '\'') {
                end = quoted(text, i, '\'', rules.backslashEscapes());
            } else if (c == '"') {
                end = quoted(text, i, '"', rules.doubleQuotedStrings() && rules.backslashEscapes());
            } else if ((c == 'E' || c == 'e') && rules.escapeStrings() && i + 1 < n && text.charAt(i + 1) == '\''
                    && (i == 0 || !isWordPart(text.charAt(i - 1)))) {
                end = quoted(text, i + 1, '\'', true);
            } else if (c == '$' && rules.dollarQuotedStrings() && (i == 0 || !isWordPart(text.charAt(i - 1)))) {
                end = dollarQuoted(text, i);
            } else if (rules.identifierQuotes().indexOf(c) >= 0) {
                end = quoted(text, i, c == '[' ? ']' : c, false);
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-' || c == '#' && rules.hashComments()) {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                end = blockComment(text, i, rules.nestedBlockComments());
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1)) && text.charAt(i + 1) != '$') {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end)) && text.charAt(end) != '$') {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            out.append(text, i, end);
            i = end;
        }
        return new NamedParameters(out.toString(), List.copyOf(names));
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index after the literal that opens at {@code start} and closes with {@code close} (doubled, it is text). */
    private static int quoted(String text, int start, char close, boolean backslashEscapes) {
        int n = text.length();
        int end = start + 1;
        while (end < n) {
            char c = text.charAt(end);
            if (backslashEscapes && c == '\\') {
                end += 2;
            } else if (c == close) {
                if (end + 1 < n && text.charAt(end + 1) == close) {
                    end += 2;
                } else {
                    return end + 1;
                }
            } else {
                end++;
            }
        }
        return n;
    }

    /** After {@code $tag$...$tag$} opening at {@code start}; just after the {@code $} when it opens no such string ({@code $1}). */
    private static int dollarQuoted(String text, int start) {
        int n = text.length();
        int tagEnd = start + 1;
        if (tagEnd < n && (Character.isLetter(text.charAt(tagEnd)) || text.charAt(tagEnd) == '_')) {
            while (tagEnd < n && (Character.isLetterOrDigit(text.charAt(tagEnd)) || text.charAt(tagEnd) == '_')) {
                tagEnd++;
            }
        }
        if (tagEnd >= n || text.charAt(tagEnd) != '$') {
            return start + 1;
        }
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        return close < 0 ? n : close + tag.length();
    }

    /** After the block comment opening at {@code start}, counting nested ones where they nest. */
    private static int blockComment(String text, int start, boolean nested) {
        int n = text.length();
        int depth = 1;
        int i = start + 2;
        while (i < n) {
            if (text.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else if (nested && text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        return n;
    }

    List<Object> values(Map<String, ?> parameters) {
        List<Object> values = new ArrayList<>(names.size());
        for (String name : names) {
            if (!parameters.containsKey(name)) {
                throw new UsageException("no value for parameter :" + name + "; given " + parameters.keySet() + "\n[SQL: " + sql + "]");
            }
            values.add(parameters.get(name));
        }
        return values;
    }
}
