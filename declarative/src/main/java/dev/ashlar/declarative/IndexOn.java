package dev.ashlar.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index over one or more fields of a model, declared on the class and created with its table:
 * {@code CREATE [UNIQUE] INDEX}. Fields are named as in Java; the index is named by the naming
 * convention ({@code ix_<table>_<col1>_<col2>}) unless {@link #name()} says otherwise. Repeatable.
 * For one column, {@link Indexed} on the field says the same.
 *
 * <pre>{@code
 * @Model(table = "loans")
 * @IndexOn({"memberId", "loanedAt"})           // CREATE INDEX ix_loans_member_id_loaned_at ON loans (member_id, loaned_at)
 * class Loan { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(IndexOn.List.class)
public @interface IndexOn {
    /** The mapped fields, in the index's column order; at least one. */
    String[] value();

    /** Whether the index is unique. */
    boolean unique() default false;

    /** The index's name; empty means the naming convention's. */
    String name() default "";

    /** Holds repeated {@link IndexOn} annotations; written by the compiler. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** The repeated annotations. */
        IndexOn[] value();
    }
}
