package dev.ashlar.core.types;

/** A JSON document held as its text. PostgreSQL stores it as {@code jsonb}, MariaDB as {@code JSON}, SQLite as text. */
public final class JsonType extends SqlType<String> {
    static final JsonType INSTANCE = new JsonType();

    private JsonType() {
        super(String.class);
    }

    @Override
    public String describe() {
        return "Json";
    }

    @Override
    public boolean comparable() {
        return false;
    }
}
