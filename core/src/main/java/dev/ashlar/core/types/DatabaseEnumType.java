package dev.ashlar.core.types;

import dev.ashlar.core.error.DefinitionException;
import java.util.List;

/**
 * An enum that the database keeps itself, with its values as text: a PostgreSQL enum type
 * ({@code CREATE TYPE mood AS ENUM ('happy', 'sad')}), a MariaDB {@code ENUM('happy', 'sad')} column,
 * or a SQLite column with {@code CHECK (mood IN ('happy', 'sad'))} in its definition. Reflection
 * gives it to such columns, and each dialect writes it back in its own form, so a reflected schema
 * creates the same columns again. (A Java enum stored by name in a plain {@code VARCHAR} is
 * {@link EnumType}.)
 */
public final class DatabaseEnumType extends SqlType<String> {
    private final String name;
    private final List<String> values;

    DatabaseEnumType(String name, List<String> values) {
        super(String.class);
        if (values == null || values.isEmpty()) {
            throw new DefinitionException("a database enum needs at least one value, such as databaseEnum(\"mood\", \"happy\", \"sad\")");
        }
        this.name = name;
        this.values = List.copyOf(values);
        if (this.values.stream().distinct().count() != this.values.size()) {
            throw new DefinitionException("the values of a database enum must differ, not " + this.values);
        }
    }

    /**
     * The type's name where the database names enum types (PostgreSQL), or {@code null} where the
     * values belong to the column (MariaDB, SQLite); a dialect that needs a name and finds none
     * makes one from the values ({@code enum_happy_sad} on PostgreSQL).
     */
    public String name() {
        return name;
    }

    /** The values, in the type's order. */
    public List<String> values() {
        return values;
    }

    /** The length of the longest value: the {@code VARCHAR} length where the database stores the values as text. */
    public int length() {
        return values.stream().mapToInt(String::length).max().orElse(1);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("DatabaseEnum(");
        if (name != null) {
            b.append(name).append(": ");
        }
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "'" : ", '").append(values.get(i).replace("'", "''")).append('\'');
        }
        return b.append(')').toString();
    }
}
