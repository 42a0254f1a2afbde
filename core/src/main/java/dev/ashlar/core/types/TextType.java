package dev.ashlar.core.types;

/** Unbounded text, held as {@link String}. */
public final class TextType extends SqlType<String> {
    static final TextType INSTANCE = new TextType();

    private TextType() {
        super(String.class);
    }

    @Override
    public String describe() {
        return "Text";
    }
}
