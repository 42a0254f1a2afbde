package dev.ashlar.core.engine;

import dev.ashlar.core.error.AshlarException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code :name} placeholders in raw SQL into {@code ?}, skipping string literals, quoted
 * identifiers, comments and PostgreSQL's {@code ::} casts, so that only real placeholders bind.
 */
record NamedParameters(String sql, List<String> names) {
    static NamedParameters parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses {@code text}; with {@code backslashEscapes} (MariaDB's default), a backslash inside a
     * string literal escapes the next character, so {@code 'it\'s :x'} stays one literal.
     */
    static NamedParameters parse(String text, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    if (backslashEscapes && c != '`' && text.charAt(end) == '\\') {
                        end += 2;
                        continue;
                    }
                    if (text.charAt(end) == c) {
                        if (end + 1 < n && text.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(text, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedParameters(out.toString(), List.copyOf(names));
    }

    List<Object> values(Map<String, ?> parameters) {
        List<Object> values = new ArrayList<>(names.size());
        for (String name : names) {
            if (!parameters.containsKey(name)) {
                throw new AshlarException("no value for parameter :" + name + "; given " + parameters.keySet() + "\n[SQL: " + sql + "]");
            }
            values.add(parameters.get(name));
        }
        return values;
    }
}
