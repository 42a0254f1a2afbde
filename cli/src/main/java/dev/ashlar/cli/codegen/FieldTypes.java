package dev.ashlar.cli.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.ashlar.core.types.BigIntegerType;
import dev.ashlar.core.types.BooleanType;
import dev.ashlar.core.types.DatabaseEnumType;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.types.DoubleType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.FractionalSeconds;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.LargeBinaryType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.TextType;
import dev.ashlar.core.types.TimeType;
import dev.ashlar.core.types.UuidType;
import java.util.List;

/**
 * The field type and the annotations that give a column type back, the inverse of the
 * declarative mapping of Java types to column types (docs/annotations.md). Fields are boxed, so that
 * a nullable column and an unset key read as {@code null}; {@code @Required} says NOT NULL.
 */
final class FieldTypes {
    static final String DECLARATIVE = "dev.ashlar.declarative";

    /** A field's Java type and the annotations its column type needs. */
    record FieldType(TypeName type, List<AnnotationSpec> annotations) {
    }

    private FieldTypes() {
    }

    /** The field for a column of {@code type}, or {@code null} when no model field type gives it. */
    static FieldType of(SqlType<?> type) {
        if (type instanceof IntegerType) {
            return plain(ClassName.get(Integer.class));
        }
        if (type instanceof SmallIntegerType) {
            return plain(ClassName.get(Short.class));
        }
        if (type instanceof BigIntegerType) {
            return plain(ClassName.get(Long.class));
        }
        if (type instanceof BooleanType) {
            return plain(ClassName.get(Boolean.class));
        }
        if (type instanceof StringType s) {
            return s.length().isPresent()
                    ? new FieldType(ClassName.get(String.class), List.of(AnnotationSpec.builder(ClassName.get(DECLARATIVE, "Length"))
                            .addMember("value", "$L", s.length().getAsInt()).build()))
                    : plain(ClassName.get(String.class));
        }
        if (type instanceof TextType) {
            return new FieldType(ClassName.get(String.class), List.of(AnnotationSpec.builder(ClassName.get(DECLARATIVE, "Text")).build()));
        }
        if (type instanceof NumericType n) {
            return new FieldType(ClassName.get(java.math.BigDecimal.class), List.of(AnnotationSpec.builder(ClassName.get(DECLARATIVE, "Numeric"))
                    .addMember("value", "$L", com.palantir.javapoet.CodeBlock.of("precision = $L, scale = $L", n.precision(), n.scale())).build()));
        }
        if (type instanceof FloatType) {
            return plain(ClassName.get(Float.class));
        }
        if (type instanceof DoubleType) {
            return plain(ClassName.get(Double.class));
        }
        if (type instanceof DateType) {
            return plain(ClassName.get(java.time.LocalDate.class));
        }
        if (type instanceof TimeType t) {
            return temporal(ClassName.get(java.time.LocalTime.class), t);
        }
        if (type instanceof DateTimeType t) {
            return temporal(ClassName.get(java.time.LocalDateTime.class), t);
        }
        if (type instanceof DateTimeTzType t) {
            return temporal(ClassName.get(java.time.OffsetDateTime.class), t);
        }
        if (type instanceof LargeBinaryType) {
            return plain(ArrayTypeName.of(TypeName.BYTE));
        }
        if (type instanceof UuidType) {
            return plain(ClassName.get(java.util.UUID.class));
        }
        if (type instanceof DatabaseEnumType e) {
            com.palantir.javapoet.CodeBlock.Builder members = com.palantir.javapoet.CodeBlock.builder();
            if (e.name() != null) {
                members.add("name = $S, ", e.name());
            }
            members.add("values = {");
            for (int i = 0; i < e.values().size(); i++) {
                members.add(i == 0 ? "$S" : ", $S", e.values().get(i));
            }
            members.add("}");
            return new FieldType(ClassName.get(String.class), List.of(AnnotationSpec.builder(ClassName.get(DECLARATIVE, "DatabaseEnum"))
                    .addMember("value", "$L", members.build()).build()));
        }
        return null;
    }

    /** A date-time field, with {@code @Precision(p)} when the column keeps other than the default six digits (MariaDB's plain DATETIME keeps none). */
    private static FieldType temporal(TypeName type, FractionalSeconds precision) {
        if (precision.precision() == FractionalSeconds.DEFAULT_PRECISION) {
            return plain(type);
        }
        return new FieldType(type, List.of(AnnotationSpec.builder(ClassName.get(DECLARATIVE, "Precision"))
                .addMember("value", "$L", precision.precision()).build()));
    }

    // (@Numeric's members are given as one block in the place of value, so that JavaPoet keeps them on one line)
    private static FieldType plain(TypeName type) {
        return new FieldType(type, List.of());
    }
}
