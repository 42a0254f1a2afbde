package dev.ashlar.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unique constraint over several fields of a model, declared on the class and created with its
 * table. Fields are named as in Java; the constraint is named by the naming convention
 * ({@code uq_<table>_<col1>_<col2>}) unless {@link #name()} says otherwise. Repeatable.
 *
 * <pre>{@code
 * @Model(table = "copies")
 * @UniqueTogether({"bookId", "barcode"})       // CONSTRAINT uq_copies_book_id_barcode UNIQUE (book_id, barcode)
 * class Copy { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueTogether.List.class)
public @interface UniqueTogether {
    /** The mapped fields, in the constraint's column order; at least one. */
    String[] value();

    /** The constraint's name; empty means the naming convention's. */
    String name() default "";

    /** Holds repeated {@link UniqueTogether} annotations; written by the compiler. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** The repeated annotations. */
        UniqueTogether[] value();
    }
}
