package dev.ashlar.core.types;

/** True or false, held as {@link Boolean}; an integer 0/1 where the database has no boolean. */
public final class BooleanType extends SqlType<Boolean> {
    static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
        super(Boolean.class);
    }

    @Override
    public String describe() {
        return "Boolean";
    }

    @Override
    public boolean comparable() {
        return false;
    }
}
