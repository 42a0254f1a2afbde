package dev.ashlar.core.types;

import dev.ashlar.core.error.UsageException;
import java.util.Arrays;

/**
 * A Java enum stored by constant name in a {@code VARCHAR} as long as the longest name. Names, not
 * ordinals, so that reordering constants never changes the meaning of stored rows.
 *
 * @param <E> the enum
 */
public final class EnumType<E extends Enum<E>> extends SqlType<E> {
    private final int length;

    EnumType(Class<E> enumClass) {
        super(enumClass);
        this.length = Arrays.stream(enumClass.getEnumConstants()).mapToInt(e -> e.name().length()).max().orElse(1);
    }

    /** The column length: the longest constant name. */
    public int length() {
        return length;
    }

    /** The constant named {@code name}, or a {@link UsageException} naming the allowed values. */
    public E valueOf(String name) {
        try {
            return Enum.valueOf(javaType(), name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + name + "' is not one of " + Arrays.toString(javaType().getEnumConstants())
                    + " of enum " + javaType().getSimpleName(), e);
        }
    }

    @Override
    public String describe() {
        return "Enum(" + javaType().getSimpleName() + ")";
    }
}
