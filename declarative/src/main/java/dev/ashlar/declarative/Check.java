package dev.ashlar.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint on a model's table, declared on the class. {@link #sql()} is the condition as
 * SQL over column names (written by the model's author, never a user value); {@link #name()} is the
 * label the naming convention builds the constraint's name from ({@code ck_<table>_<name>}).
 * Repeatable.
 *
 * <pre>{@code
 * @Model(table = "loans")
 * @Check(name = "due_after_loan", sql = "due_on >= loaned_on")   // CONSTRAINT ck_loans_due_after_loan CHECK (...)
 * class Loan { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Check.List.class)
public @interface Check {
    /** The label in the constraint's name: {@code ck_<table>_<name>} by the default convention. */
    String name();

    /** The condition, as SQL over the table's column names, for example {@code price >= 0}. */
    String sql();

    /** Holds repeated {@link Check} annotations; written by the compiler. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** The repeated annotations. */
        Check[] value();
    }
}
