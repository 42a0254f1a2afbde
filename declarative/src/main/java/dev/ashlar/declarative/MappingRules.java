package dev.ashlar.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules that map a model field to a column, stated on type names so that the annotation
 * processor (which sees types as compiler mirrors) and the runtime model reader (which sees classes)
 * apply the very same rules and cannot drift apart. Public for the processor; not meant for
 * application code.
 */
public final class MappingRules {
    /** The most fractional-second digits {@code @Precision} takes (core's {@code FractionalSeconds.MAX_PRECISION}). */
    public static final int MAX_TIME_PRECISION = 6;

    private MappingRules() {
    }

    /** The column type a Java type maps to, with the boxed Java type the column holds. */
    public enum Kind {
        SMALL_INTEGER("java.lang.Short"),
        INTEGER("java.lang.Integer"),
        BIG_INTEGER("java.lang.Long"),
        BOOLEAN("java.lang.Boolean"),
        STRING("java.lang.String"),
        NUMERIC("java.math.BigDecimal"),
        FLOAT("java.lang.Float"),
        DOUBLE("java.lang.Double"),
        DATE("java.time.LocalDate"),
        TIME("java.time.LocalTime"),
        DATE_TIME("java.time.LocalDateTime"),
        DATE_TIME_TZ("java.time.OffsetDateTime"),
        BYTES("byte[]"),
        UUID("java.util.UUID"),
        /** Any enum, stored by name; its column holds the enum type itself. */
        ENUM(null);

        private final String columnJavaType;

        Kind(String columnJavaType) {
            this.columnJavaType = columnJavaType;
        }

        /** The Java type the column holds (boxed), or {@code null} for {@link #ENUM} (the enum itself). */
        public String columnJavaType() {
            return columnJavaType;
        }
    }

    /**
     * What both the processor and the runtime know about one field.
     *
     * @param typeName     the field's type as written, with type arguments ({@code java.util.List<java.lang.String>})
     * @param rawTypeName  the type without type arguments ({@code java.util.List}, {@code long}, {@code byte[]})
     * @param isEnum       whether the type is an enum
     * @param length       the {@code @Length} value, or {@code null}
     * @param text         whether {@code @Text} is present
     * @param precision    the {@code @Numeric} precision, or {@code null} without {@code @Numeric}
     * @param scale        the {@code @Numeric} scale, or {@code null} without {@code @Numeric}
     * @param defaultNow   whether {@code @DefaultNow} is present
     * @param timePrecision the {@code @Precision} value (fractional-second digits), or {@code null} without {@code @Precision}
     */
    public record FieldFacts(String typeName, String rawTypeName, boolean isEnum, Integer length, boolean text,
                             Integer precision, Integer scale, boolean defaultNow, Integer timePrecision) {
    }

    /** The column kind of a raw type name, or empty when the type has no column type. */
    public static Optional<Kind> kindOf(String rawTypeName, boolean isEnum) {
        if (isEnum) {
            return Optional.of(Kind.ENUM);
        }
        switch (rawTypeName) {
            case "short":
            case "java.lang.Short":
                return Optional.of(Kind.SMALL_INTEGER);
            case "int":
            case "java.lang.Integer":
                return Optional.of(Kind.INTEGER);
            case "long":
            case "java.lang.Long":
                return Optional.of(Kind.BIG_INTEGER);
            case "boolean":
            case "java.lang.Boolean":
                return Optional.of(Kind.BOOLEAN);
            case "float":
            case "java.lang.Float":
                return Optional.of(Kind.FLOAT);
            case "double":
            case "java.lang.Double":
                return Optional.of(Kind.DOUBLE);
            default:
                for (Kind kind : Kind.values()) {
                    if (rawTypeName.equals(kind.columnJavaType)) {
                        return Optional.of(kind);
                    }
                }
                return Optional.empty();
        }
    }

    /** Whether the type is a Java primitive, whose column is NOT NULL because the field cannot hold null. */
    public static boolean isPrimitive(String rawTypeName) {
        return switch (rawTypeName) {
            case "byte", "short", "int", "long", "float", "double", "boolean", "char" -> true;
            default -> false;
        };
    }

    /**
     * The problems of one field, each a sentence without the {@code Model.field: } prefix; empty when
     * the field maps cleanly.
     */
    public static List<String> problems(FieldFacts f) {
        List<String> problems = new ArrayList<>();
        Optional<Kind> kind = kindOf(f.rawTypeName(), f.isEnum());
        String simple = simpleName(f.typeName());
        if (kind.isEmpty()) {
            problems.add("type " + simple + " has no column type; use one of Integer, Long, Short, Boolean, String, "
                    + "BigDecimal, Float, Double, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, byte[], UUID "
                    + "or an enum, or mark the field @Transient");
            return problems;
        }
        Kind k = kind.get();
        if (k == Kind.NUMERIC && f.precision() == null) {
            problems.add("BigDecimal needs @Numeric(precision = ..., scale = ...) to say how many digits the column keeps");
        }
        if (f.precision() != null && k != Kind.NUMERIC) {
            problems.add("@Numeric applies only to BigDecimal, not to " + simple);
        }
        if (f.precision() != null && k == Kind.NUMERIC
                && (f.precision() < 1 || f.scale() < 0 || f.scale() > f.precision())) {
            problems.add("@Numeric(precision = " + f.precision() + ", scale = " + f.scale()
                    + ") is impossible: precision must be at least 1 and scale between 0 and the precision");
        }
        if (f.length() != null && k != Kind.STRING) {
            problems.add("@Length applies only to String; type " + simple + " takes no length");
        }
        if (f.length() != null && k == Kind.STRING && f.length() < 1) {
            problems.add("@Length(" + f.length() + ") must be at least 1");
        }
        if (f.text() && k != Kind.STRING) {
            problems.add("@Text applies only to String, not to " + simple);
        }
        if (f.text() && f.length() != null) {
            problems.add("@Text and @Length exclude each other: a text column has no length");
        }
        if (f.timePrecision() != null && k != Kind.DATE_TIME && k != Kind.DATE_TIME_TZ && k != Kind.TIME) {
            problems.add("@Precision applies only to LocalDateTime, OffsetDateTime and LocalTime, not to " + simple
                    + (k == Kind.NUMERIC ? "; a BigDecimal's digits are @Numeric(precision = ..., scale = ...)" : ""));
        } else if (f.timePrecision() != null && (f.timePrecision() < 0 || f.timePrecision() > MAX_TIME_PRECISION)) {
            problems.add("@Precision(" + f.timePrecision() + ") is out of range: fractional-second digits go from 0 (whole seconds) to "
                    + MAX_TIME_PRECISION + " (microseconds)");
        }
        if (f.defaultNow() && k != Kind.DATE_TIME && k != Kind.DATE_TIME_TZ && k != Kind.DATE) {
            problems.add("@DefaultNow applies only to LocalDateTime, OffsetDateTime and LocalDate, not to " + simple);
        }
        return problems;
    }

    /**
     * The problems of {@link DatabaseEnum} on a field: it applies to {@code String} fields alone,
     * without {@code @Length} or {@code @Text}, and needs at least one value, all different.
     */
    public static List<String> databaseEnumProblems(FieldFacts f, List<String> values) {
        List<String> problems = new ArrayList<>();
        if (kindOf(f.rawTypeName(), f.isEnum()).orElse(null) != Kind.STRING) {
            problems.add("@DatabaseEnum applies only to String, not to " + f.rawTypeName());
        }
        if (f.length() != null || f.text()) {
            problems.add("@DatabaseEnum excludes @Length and @Text: the enum's values decide the column");
        }
        if (values.isEmpty() || values.stream().distinct().count() != values.size()) {
            problems.add("@DatabaseEnum needs at least one value, all different, not " + values);
        }
        return problems;
    }

    /** The problem of a model without a primary key. */
    public static String noIdProblem(String modelName) {
        return modelName + " has no @Id field; mark the primary key field(s) with @Id";
    }

    /**
     * The problem of a second model mapped to a table that another model (or a table defined in code,
     * when {@code firstModel} is {@code null}) already maps.
     */
    public static String sharedTableProblem(String secondModel, String table, String firstModel) {
        return secondModel + ": table " + table + " is already mapped by "
                + (firstModel == null ? "a table defined in the same metadata" : "model " + firstModel)
                + "; two models cannot map one table: give one of them another @Model(table = ...)";
    }

    /**
     * The problems of a class-level {@link UniqueTogether} or {@link IndexOn} naming {@code fields}:
     * none named, a field named twice, or a name that is not a mapped field of the model (a
     * relationship or {@code @Transient} field has no column).
     *
     * @param annotation   the annotation as written, for the message, for example {@code @IndexOn({"a", "b"})}
     * @param mappedFields the names of the model's fields that have a column, in declaration order
     */
    public static List<String> constraintFieldProblems(String modelName, String annotation, List<String> fields,
                                                       List<String> mappedFields) {
        List<String> problems = new ArrayList<>();
        if (fields.isEmpty()) {
            problems.add(modelName + ": " + annotation + " names no field; name at least one mapped field");
        }
        List<String> seen = new ArrayList<>();
        for (String field : fields) {
            if (!mappedFields.contains(field)) {
                problems.add(modelName + ": " + annotation + " names '" + field + "', which is not a mapped field of " + modelName
                        + " (name Java fields, not columns); its mapped fields are " + mappedFields);
            } else if (seen.contains(field)) {
                problems.add(modelName + ": " + annotation + " names '" + field + "' twice");
            }
            seen.add(field);
        }
        return problems;
    }

    /** The problems of a class-level {@link Check}: its name and its SQL must not be blank. */
    public static List<String> checkProblems(String modelName, String name, String sql) {
        List<String> problems = new ArrayList<>();
        if (name.isBlank()) {
            problems.add(modelName + ": @Check(sql = \"" + sql + "\") needs a name, the label in ck_<table>_<name>");
        }
        if (sql.isBlank()) {
            problems.add(modelName + ": @Check(name = \"" + name + "\") needs its condition in sql, for example \"price >= 0\"");
        }
        return problems;
    }

    /**
     * The problems of the {@link RenamedFrom} declarations of a model's fields: each old name must not be
     * blank, must differ from the field's current column, must not be another mapped column of the
     * model (that column still exists, so nothing was renamed from it), and two fields cannot claim one
     * old name.
     *
     * @param columnByField  the column of every mapped field, in declaration order
     * @param renamedByField the {@code @RenamedFrom} value of the fields that have one
     */
    public static List<String> renameProblems(String modelName, java.util.Map<String, String> columnByField,
                                              java.util.Map<String, String> renamedByField) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, String> claimed = new java.util.HashMap<>();
        for (var e : renamedByField.entrySet()) {
            String field = e.getKey();
            String old = e.getValue();
            String column = columnByField.get(field);
            String prefix = modelName + "." + field + ": @RenamedFrom(\"" + old + "\") ";
            if (old.isBlank()) {
                problems.add(prefix + "needs the old column name, as the database holds it");
                continue;
            }
            if (old.equals(column)) {
                problems.add(prefix + "names the field's current column; give the name the column had before, or remove the annotation");
                continue;
            }
            for (var other : columnByField.entrySet()) {
                if (!other.getKey().equals(field) && other.getValue().equals(old)) {
                    problems.add(prefix + "names column " + old + ", which " + modelName + "." + other.getKey()
                            + " still maps; a column that still exists was not renamed");
                }
            }
            String first = claimed.putIfAbsent(old, field);
            if (first != null) {
                problems.add(prefix + "claims the same old column as " + modelName + "." + first + "; one column becomes one column");
            }
        }
        return problems;
    }

    /** The problem of a model's {@link RenamedFrom}, or {@code null}: not blank, and not the model's current table. */
    public static String tableRenameProblem(String modelName, String table, String old) {
        if (old.isBlank()) {
            return modelName + ": @RenamedFrom(\"\") needs the old table name, as the database holds it";
        }
        return old.equals(table) ? modelName + ": @RenamedFrom(\"" + old + "\") names the model's current table; give the name "
                + "the table had before, or remove the annotation" : null;
    }

    /** The problem of a model renamed from a table that another model maps, or that another model also claims. */
    public static String tableRenameClashProblem(String modelName, String old, String otherModel, boolean otherMapsIt) {
        return modelName + ": @RenamedFrom(\"" + old + "\") names table " + old + (otherMapsIt
                ? ", which model " + otherModel + " still maps; a table that still exists was not renamed"
                : ", which model " + otherModel + " also claims as its old name; one table becomes one table");
    }

    /** How a class-level constraint annotation is shown in a message: {@code @IndexOn({"a", "b"})}. */
    public static String describeConstraint(String annotation, List<String> fields) {
        StringBuilder b = new StringBuilder("@").append(annotation).append("({");
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(fields.get(i)).append('"');
        }
        return b.append("})").toString();
    }

    /**
     * The simple name of a model's metamodel class, which the processor generates in the model's
     * package: the names of the model's enclosing classes and its own, each followed by {@code _}
     * ({@code Item_}, {@code Shop_Customer_}).
     */
    public static String metamodelName(List<String> simpleNames) {
        return String.join("_", simpleNames) + "_";
    }

    /** {@link #metamodelName(List)} of a model class. */
    public static String metamodelName(Class<?> model) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = model; c != null; c = c.getEnclosingClass()) {
            names.add(0, c.getSimpleName());
        }
        return metamodelName(names);
    }

    /** The table name of a model: the {@code @Model(table)} value, or the class name in snake_case. */
    public static String tableName(String modelSimpleName, String declaredTable) {
        return declaredTable.isEmpty() ? snakeCase(modelSimpleName) : declaredTable;
    }

    /** The problem of two fields mapping to the same column name. */
    public static String duplicateColumnProblem(String modelName, String firstField, String secondField, String column) {
        return modelName + "." + secondField + ": column name " + column + " is already used by " + modelName + "." + firstField;
    }

    /**
     * A Java name in snake_case: {@code createdAt} becomes {@code created_at}, {@code OrderLine}
     * {@code order_line}, {@code HTTPServer} {@code http_server}.
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower))) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A type name without package prefixes, for messages: {@code List<String>}. */
    public static String simpleName(String typeName) {
        return typeName.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
