package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.UsageException;

/**
 * {@code expression LIKE pattern ESCAPE 'escape'}: {@code %} stands for any text, {@code _} for one
 * character, and the escape character makes the character after it stand for itself. Without
 * {@code ignoreCase} the match is case-sensitive on every database; with it, it ignores case for
 * all of Unicode on every database ({@code ILIKE} on PostgreSQL, {@code lower(x) LIKE lower(p)} on
 * MariaDB's binary collation, a Java function registered on each SQLite connection).
 *
 * @param expression the text matched
 * @param pattern the pattern
 * @param ignoreCase whether case is ignored
 * @param escape the escape character of the pattern ({@link #DEFAULT_ESCAPE} unless given)
 */
public record Like(Expression<?> expression, Expression<String> pattern, boolean ignoreCase, char escape) implements Condition {
    /** The escape character of {@code like(pattern)}, {@code contains}, {@code startsWith} and {@code endsWith}: a backslash. */
    public static final char DEFAULT_ESCAPE = '\\';

    public Like {
        if (expression.type().javaType() != String.class) {
            throw new UsageException("LIKE needs a string, but " + (expression.label() == null ? "the expression" : expression.label())
                    + " is " + expression.type().describe());
        }
        if (escape == '%' || escape == '_' || Character.toLowerCase(escape) != escape || Character.toUpperCase(escape) != escape) {
            // A letter would change under the lower() that case-ignoring matches use on some databases.
            throw new UsageException("'" + escape + "' cannot be a LIKE escape character (a wildcard or a letter with case);"
                    + " use a backslash or a sign such as '!'");
        }
    }

    /** A case-sensitive or case-ignoring LIKE with the default escape character. */
    public Like(Expression<?> expression, Expression<String> pattern, boolean ignoreCase) {
        this(expression, pattern, ignoreCase, DEFAULT_ESCAPE);
    }

    /**
     * {@code text} as a LIKE pattern that matches exactly that text: {@code %}, {@code _} and the
     * escape character itself are each preceded by the escape character.
     */
    public static String escape(String text, char escape) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == escape) {
                out.append(escape);
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitLike(this);
    }
}
