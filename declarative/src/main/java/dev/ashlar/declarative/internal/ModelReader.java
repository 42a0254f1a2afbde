package dev.ashlar.declarative.internal;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import dev.ashlar.declarative.DefaultNow;
import dev.ashlar.declarative.UpdatedNow;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Indexed;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.MappingException;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Text;
import dev.ashlar.declarative.Transient;
import dev.ashlar.declarative.Unique;
import dev.ashlar.declarative.internal.MappingRules.FieldFacts;
import dev.ashlar.declarative.internal.MappingRules.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a model class with reflection, once: checks it against {@link MappingRules}, collects every
 * problem, and when there are none builds its table in a {@link MetaData} and resolves the method
 * handles of a {@link ModelMapping}.
 */
public final class ModelReader {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Class<?> type;
    private final String modelName;
    private final List<String> problems = new ArrayList<>();
    private MethodHandles.Lookup lookup;

    private ModelReader(Class<?> type) {
        this.type = type;
        this.modelName = type.getSimpleName();
    }

    /**
     * Maps {@code type} into {@code metadata}. {@code referencedTables} gives the table of a model that
     * a {@code @References} field points to (the model itself is resolved here, without it).
     *
     * @throws MappingException listing every problem of the model
     */
    public static ModelMapping read(Class<?> type, MetaData metadata, Function<Class<?>, Table> referencedTables) {
        return new ModelReader(type).read(metadata, referencedTables);
    }

    /** A mapped field before its table exists. */
    private record Draft(Field field, Column<Object> column, References references, int component, MethodHandle getter,
                         MethodHandle setter) {
    }

    private ModelMapping read(MetaData metadata, Function<Class<?>, Table> referencedTables) {
        Model model = type.getAnnotation(Model.class);
        if (model == null) {
            throw new MappingException(type, List.of(modelName + " is not annotated @Model"));
        }
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException(type, modelName + ": cannot access the class; open its package to dev.ashlar.declarative", e);
        }
        boolean record = type.isRecord();
        List<Field> fields = new ArrayList<>();
        List<Integer> components = new ArrayList<>();
        if (record) {
            RecordComponent[] rcs = type.getRecordComponents();
            for (int i = 0; i < rcs.length; i++) {
                Field f = declaredField(rcs[i].getName());
                if (f != null && !f.isAnnotationPresent(Transient.class)) {
                    fields.add(f);
                    components.add(i);
                }
            }
        } else {
            for (Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isTransient(mod) && !f.isSynthetic() && !f.isAnnotationPresent(Transient.class)
                        && !isRelationship(f)) {
                    fields.add(f);
                    components.add(-1);
                }
            }
        }

        List<Draft> drafts = new ArrayList<>();
        Map<String, String> fieldByColumn = new HashMap<>();
        boolean hasId = false;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Draft d = draft(f, components.get(i), record);
            hasId |= f.isAnnotationPresent(Id.class);
            if (d == null) {
                continue;
            }
            String previous = fieldByColumn.putIfAbsent(d.column().name(), f.getName());
            if (previous != null) {
                problems.add(MappingRules.duplicateColumnProblem(modelName, previous, f.getName(), d.column().name()));
            }
            drafts.add(d);
        }
        if (!hasId) {
            problems.add(MappingRules.noIdProblem(modelName));
        }
        MethodHandle constructor = record ? canonicalConstructor() : noArgConstructor();
        Object[] defaults = null;
        MethodHandle[] componentGetters = null;
        if (record) {
            RecordComponent[] rcs = type.getRecordComponents();
            defaults = new Object[rcs.length];
            componentGetters = new MethodHandle[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                Class<?> t = rcs[i].getType();
                defaults[i] = t.isPrimitive() ? Array.get(Array.newInstance(t, 1), 0) : null;
                RecordComponent rc = rcs[i];
                componentGetters[i] = handle(() -> lookup.unreflect(rc.getAccessor()).asType(GETTER), rc.getName(), "read");
            }
        }
        resolveReferences(drafts, referencedTables);
        if (!problems.isEmpty()) {
            throw new MappingException(type, problems);
        }

        List<Column<?>> columns = new ArrayList<>();
        for (Draft d : drafts) {
            columns.add(d.column());
        }
        String tableName = model.table().isEmpty() ? MappingRules.snakeCase(modelName) : model.table();
        Table table;
        try {
            table = metadata.table(tableName, modelName, columns);
        } catch (IllegalArgumentException e) {
            throw new MappingException(type, modelName + ": " + e.getMessage(), e);
        }
        List<ModelMapping.Binding> bindings = new ArrayList<>();
        for (Draft d : drafts) {
            bindings.add(new ModelMapping.Binding(d.field().getName(), d.column(), d.getter(), d.setter(), d.component(),
                    d.field().getType().isPrimitive()));
        }
        return new ModelMapping(type, table, bindings, record, constructor, defaults, componentGetters);
    }

    /** Whether a field holds a relationship (managed by the ORM, no column of its own). */
    private static boolean isRelationship(Field f) {
        for (java.lang.annotation.Annotation a : f.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(dev.ashlar.declarative.Relationship.class)) {
                return true;
            }
        }
        return false;
    }

    private Field declaredField(String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** The column of one field, or {@code null} when the field has problems (recorded). */
    private Draft draft(Field f, int component, boolean record) {
        String where = modelName + "." + f.getName() + ": ";
        Length length = f.getAnnotation(Length.class);
        Numeric numeric = f.getAnnotation(Numeric.class);
        FieldFacts facts = new FieldFacts(f.getGenericType().getTypeName(), f.getType().getTypeName(), f.getType().isEnum(),
                length == null ? null : length.value(), f.isAnnotationPresent(Text.class),
                numeric == null ? null : numeric.precision(), numeric == null ? null : numeric.scale(),
                f.isAnnotationPresent(DefaultNow.class));
        List<String> fieldProblems = MappingRules.problems(facts);
        MethodHandle getter = handle(() -> lookup.unreflectGetter(f).asType(GETTER), f.getName(), "read");
        MethodHandle setter = null;
        if (!record) {
            if (Modifier.isFinal(f.getModifiers())) {
                fieldProblems.add("the field is final, so rows cannot be read into it; remove final or make the model a record");
            } else {
                setter = handle(() -> lookup.unreflectSetter(f).asType(SETTER), f.getName(), "write");
            }
        }
        for (String p : fieldProblems) {
            problems.add(where + p);
        }
        if (!fieldProblems.isEmpty()) {
            return null;
        }
        Kind kind = MappingRules.kindOf(facts.rawTypeName(), facts.isEnum()).orElseThrow();
        if (f.isAnnotationPresent(UpdatedNow.class) && kind != Kind.DATE_TIME && kind != Kind.DATE_TIME_TZ && kind != Kind.DATE) {
            problems.add(where + "@UpdatedNow applies only to LocalDateTime, OffsetDateTime and LocalDate fields");
            return null;
        }
        dev.ashlar.declarative.ColumnOptions override = f.getAnnotation(dev.ashlar.declarative.ColumnOptions.class);
        String name = override != null && !override.name().isEmpty() ? override.name() : MappingRules.snakeCase(f.getName());
        Column<Object> column = column(name, sqlType(kind, f, facts));
        column.field(f.getName());
        if (f.isAnnotationPresent(Id.class)) {
            column.primaryKey();
        }
        if (f.isAnnotationPresent(Required.class) || f.getType().isPrimitive() || (override != null && !override.nullable())) {
            column.notNull();
        }
        if (f.isAnnotationPresent(Unique.class) || (override != null && override.unique())) {
            column.unique();
        }
        if (f.isAnnotationPresent(Indexed.class) || (override != null && override.index())) {
            column.index();
        }
        if (facts.defaultNow()) {
            column.defaultValue(now(kind));
        }
        if (f.isAnnotationPresent(UpdatedNow.class)) {
            column.onUpdate(now(kind));
        }
        dev.ashlar.declarative.DatabaseDefault serverDefault = f.getAnnotation(dev.ashlar.declarative.DatabaseDefault.class);
        if (serverDefault != null) {
            column.serverDefault(dev.ashlar.core.schema.ServerDefault.literal(literal(kind, serverDefault.value())));
        }
        return new Draft(f, column, f.getAnnotation(References.class), component, getter, setter);
    }

    /** A {@code @DatabaseDefault} literal as the column's kind of value, so the DDL renders a number as a number. */
    private static Object literal(Kind kind, String text) {
        return switch (kind) {
            case SMALL_INTEGER, INTEGER, BIG_INTEGER -> Long.parseLong(text.trim());
            case NUMERIC, FLOAT, DOUBLE -> new java.math.BigDecimal(text.trim());
            case BOOLEAN -> Boolean.parseBoolean(text.trim());
            default -> text;
        };
    }

    private static Supplier<Object> now(Kind kind) {
        return switch (kind) {
            case DATE_TIME -> () -> LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            case DATE_TIME_TZ -> () -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            case DATE -> () -> LocalDate.now(ZoneOffset.UTC);
            default -> throw new IllegalStateException("MappingRules admits @DefaultNow only on dates and times, not " + kind);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> sqlType(Kind kind, Field f, FieldFacts facts) {
        return switch (kind) {
            case SMALL_INTEGER -> Types.smallInteger();
            case INTEGER -> Types.integer();
            case BIG_INTEGER -> Types.bigInteger();
            case BOOLEAN -> Types.bool();
            case STRING -> facts.text() ? Types.text() : facts.length() != null ? Types.string(facts.length()) : Types.string();
            case NUMERIC -> Types.numeric(facts.precision(), facts.scale());
            case FLOAT -> Types.float32();
            case DOUBLE -> Types.float64();
            case DATE -> Types.date();
            case TIME -> Types.time();
            case DATE_TIME -> Types.dateTime();
            case DATE_TIME_TZ -> Types.dateTimeTz();
            case BYTES -> Types.largeBinary();
            case UUID -> Types.uuid();
            case ENUM -> Types.enumOf((Class) f.getType());
        };
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> column(String name, SqlType<?> type) {
        return (Column<Object>) (Column<?>) Column.of(name, type);
    }

    private void resolveReferences(List<Draft> drafts, Function<Class<?>, Table> referencedTables) {
        List<Column<?>> ownKey = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.column().isPrimaryKey()) {
                ownKey.add(d.column());
            }
        }
        for (Draft d : drafts) {
            References ref = d.references();
            if (ref == null) {
                continue;
            }
            String where = modelName + "." + d.field().getName() + ": ";
            List<Column<?>> key;
            if (ref.model() == type) {
                key = ownKey;
            } else {
                Table target = referencedTables.apply(ref.model());
                key = target.primaryKey();
            }
            String targetName = ref.model().getSimpleName();
            if (key.size() != 1) {
                problems.add(where + "@References(model = " + targetName + ".class) needs a single-column primary key in "
                        + targetName + ", which has " + key.size());
                continue;
            }
            Column<?> targetColumn = key.get(0);
            if (!targetColumn.type().javaType().equals(d.column().type().javaType())) {
                problems.add(where + "holds " + d.column().type().javaType().getSimpleName() + " but references "
                        + targetName + "'s key of type " + targetColumn.type().javaType().getSimpleName());
                continue;
            }
            @SuppressWarnings("unchecked")
            Column<Object> typed = (Column<Object>) targetColumn;
            d.column().references(typed, ref.onDelete(), ref.onUpdate());
        }
    }

    private MethodHandle noArgConstructor() {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            problems.add(modelName + ": an abstract class or interface cannot be instantiated; make it a concrete class or a record");
            return null;
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problems.add(modelName + ": an inner class needs an enclosing instance; make it a static nested or top-level class");
            return null;
        }
        try {
            return lookup.findConstructor(type, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            problems.add(modelName + ": has no no-argument constructor; add one (it may be private) or make the model a record");
        } catch (IllegalAccessException e) {
            problems.add(modelName + ": its no-argument constructor is not accessible: " + e.getMessage());
        }
        return null;
    }

    private MethodHandle canonicalConstructor() {
        RecordComponent[] rcs = type.getRecordComponents();
        Class<?>[] params = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            params[i] = rcs[i].getType();
        }
        try {
            return lookup.findConstructor(type, MethodType.methodType(void.class, params))
                    .asSpreader(Object[].class, params.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problems.add(modelName + ": the canonical constructor cannot be used: " + e.getMessage());
            return null;
        }
    }

    private interface HandleLookup {
        MethodHandle find() throws IllegalAccessException;
    }

    private MethodHandle handle(HandleLookup find, String field, String verb) {
        try {
            return find.find();
        } catch (IllegalAccessException e) {
            problems.add(modelName + "." + field + ": cannot " + verb + " the field: " + e.getMessage());
            return null;
        }
    }
}
