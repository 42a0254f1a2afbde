package dev.ashlar.core.types;

import dev.ashlar.core.error.UsageException;
import java.util.Locale;

/**
 * A column type that Ashlar has no type of its own for, kept by the database's spelling (for
 * example PostgreSQL's {@code inet} or {@code char(5)}). Reflection gives it to such columns so that
 * a reflected schema can be written out again unchanged; values cross JDBC as the driver's objects.
 */
public final class DatabaseType extends SqlType<Object> {
    private final String spelling;

    DatabaseType(String spelling) {
        super(Object.class);
        if (spelling == null || spelling.isBlank()) {
            throw new UsageException("a database type needs its spelling, such as inet");
        }
        this.spelling = spelling.strip();
    }

    /** The type as written in DDL. */
    public String spelling() {
        return spelling;
    }

    @Override
    public String describe() {
        return "DatabaseType(" + spelling.toLowerCase(Locale.ROOT) + ")";
    }
}
