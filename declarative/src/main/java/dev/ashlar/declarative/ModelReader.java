package dev.ashlar.declarative;

import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.DefinitionException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.FractionalSeconds;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import dev.ashlar.declarative.MappingRules.FieldFacts;
import dev.ashlar.declarative.MappingRules.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a model class with reflection, once: checks it against {@link MappingRules}, collects every
 * problem, and when there are none builds its table in a {@link MetaData} and resolves the method
 * handles of a {@link ModelMapping}, its {@code @Version} field and its relationship fields. The
 * relationships are resolved against their targets' mappings afterwards
 * ({@link #resolveRelationships}), once the registry has read those, so that models may refer to
 * each other in both directions.
 */
final class ModelReader {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);
    /** The annotations of this package that declare a relationship: those marked {@link Relationship}. */
    static final Set<Class<? extends java.lang.annotation.Annotation>> RELATIONSHIPS =
            Set.of(ManyToOne.class, OneToOne.class, OneToMany.class, ManyToMany.class);

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
    static <T> ModelMapping<T> read(Class<T> type, MetaData metadata, Function<Class<?>, Table> referencedTables) {
        return new ModelReader(type).read(metadata, referencedTables);
    }

    /** A relationship field as read from its annotations, before its target's mapping is known. */
    record DeclaredRelationship(String name, Class<?> fieldType, Class<? extends java.lang.annotation.Annotation> annotation,
                                Class<?> target, String key, String mappedBy, Class<?> through, Fetch fetch, Set<Cascade> cascades,
                                MethodHandle getter, MethodHandle setter) {
        boolean isToOneOwningSide() {
            return annotation == ManyToOne.class || (annotation == OneToOne.class && mappedBy.isEmpty());
        }
    }

    /** A mapped field before its table exists. */
    private record Draft(Field field, Column<Object> column, References references, int component, MethodHandle getter,
                         MethodHandle setter) {
    }

    @SuppressWarnings("unchecked")
    private <T> ModelMapping<T> read(MetaData metadata, Function<Class<?>, Table> referencedTables) {
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
        Map<String, String> columnByField = new LinkedHashMap<>();
        Map<String, String> renamedByField = new LinkedHashMap<>();
        for (Draft d : drafts) {
            columnByField.put(d.field().getName(), d.column().name());
            RenamedFrom renamed = d.field().getAnnotation(RenamedFrom.class);
            if (renamed != null) {
                renamedByField.put(d.field().getName(), renamed.value());
            }
        }
        problems.addAll(MappingRules.renameProblems(modelName, columnByField, renamedByField));
        RenamedFrom tableRenamed = type.getAnnotation(RenamedFrom.class);
        String tableProblem = tableRenamed == null ? null
                : MappingRules.tableRenameProblem(modelName, MappingRules.tableName(modelName, model.table()), tableRenamed.value());
        if (tableProblem != null) {
            problems.add(tableProblem);
        }
        List<DeclaredRelationship> relationships = new ArrayList<>();
        String versionField = null;
        for (Field f : type.getDeclaredFields()) {
            if (f.isAnnotationPresent(Version.class)) {
                versionField = f.getName();
                Class<?> t = f.getType();
                boolean mapped = drafts.stream().anyMatch(d -> d.field().equals(f));
                if (!mapped || !(t == int.class || t == long.class || t == Integer.class || t == Long.class)) {
                    problems.add(modelName + "." + f.getName() + ": @Version needs a mapped int, long, Integer or Long field");
                }
            }
            if (!Modifier.isStatic(f.getModifiers()) && isRelationship(f)) {
                DeclaredRelationship r = relationship(f);
                if (r != null) {
                    relationships.add(r);
                }
            }
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
        List<TableElement> elements = new ArrayList<>();
        for (Draft d : drafts) {
            elements.add(d.column());
        }
        elements.addAll(tableConstraints(drafts, fields));
        if (!problems.isEmpty()) {
            throw new MappingException(type, problems);
        }

        String tableName = MappingRules.tableName(modelName, model.table());
        Table existing = metadata.get(tableName);
        if (existing != null) {
            throw new MappingException(type, List.of(MappingRules.sharedTableProblem(modelName, tableName,
                    existing.modelName())));
        }
        Table table;
        try {
            table = metadata.table(tableName, modelName, elements);
        } catch (DefinitionException e) {
            throw new MappingException(type, modelName + ": " + e.getMessage(), e);
        }
        List<FieldMapping> fieldMappings = new ArrayList<>();
        FieldMapping version = null;
        for (Draft d : drafts) {
            FieldMapping f = new FieldMapping(type, d.field().getName(), d.column(), d.getter(), d.setter(), fieldMappings.size(),
                    d.component(), d.field().getType().isPrimitive(), d.references() == null ? null : d.references().model(),
                    renamedByField.get(d.field().getName()));
            fieldMappings.add(f);
            if (f.name().equals(versionField)) {
                version = f;
            }
        }
        return new ModelMapping<>((Class<T>) type, table, fieldMappings, version, record, constructor, defaults, componentGetters,
                (ModelFactory<T>) generatedFactory(drafts), relationships, tableRenamed == null ? null : tableRenamed.value());
    }

    /**
     * The class-level {@link UniqueTogether}, {@link IndexOn} and {@link Check} declarations as table
     * elements over the drafts' columns; a field name that is not mapped is a problem (recorded).
     */
    private List<TableElement> tableConstraints(List<Draft> drafts, List<Field> fields) {
        Map<String, Column<?>> columnByField = new LinkedHashMap<>();
        for (Draft d : drafts) {
            columnByField.put(d.field().getName(), d.column());
        }
        // every field meant to have a column, so that a field with a problem of its own is not also "unknown"
        List<String> mapped = fields.stream().map(Field::getName).toList();
        List<TableElement> out = new ArrayList<>();
        for (UniqueTogether u : repeatable(UniqueTogether.class, UniqueTogether.List.class)) {
            List<Column<?>> columns = constraintColumns("UniqueTogether", u.value(), columnByField, mapped);
            if (columns != null) {
                out.add(new UniqueConstraint(u.name().isEmpty() ? null : u.name(), columns));
            }
        }
        for (IndexOn ix : repeatable(IndexOn.class, IndexOn.List.class)) {
            List<Column<?>> columns = constraintColumns("IndexOn", ix.value(), columnByField, mapped);
            if (columns != null) {
                out.add(new Index(ix.name().isEmpty() ? null : ix.name(), columns, ix.unique()));
            }
        }
        for (Check ck : repeatable(Check.class, Check.List.class)) {
            List<String> found = MappingRules.checkProblems(modelName, ck.name(), ck.sql());
            problems.addAll(found);
            if (found.isEmpty()) {
                out.add(CheckConstraint.of(ck.name(), ck.sql()));
            }
        }
        return out;
    }

    private List<Column<?>> constraintColumns(String annotation, String[] fields, Map<String, Column<?>> columnByField,
                                              List<String> mapped) {
        List<String> names = List.of(fields);
        List<String> found = MappingRules.constraintFieldProblems(modelName, MappingRules.describeConstraint(annotation, names),
                names, mapped);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return null;
        }
        List<Column<?>> columns = new ArrayList<>();
        for (String name : names) {
            Column<?> column = columnByField.get(name);
            if (column == null) {
                return null; // the field's own problem is recorded
            }
            columns.add(column);
        }
        return columns;
    }

    /** A relationship field's declaration, or {@code null} when it has problems (recorded). */
    private DeclaredRelationship relationship(Field f) {
        String where = modelName + "." + f.getName() + ": ";
        ManyToOne m2o = f.getAnnotation(ManyToOne.class);
        OneToOne o2o = f.getAnnotation(OneToOne.class);
        OneToMany o2m = f.getAnnotation(OneToMany.class);
        ManyToMany m2m = f.getAnnotation(ManyToMany.class);
        int count = (m2o != null ? 1 : 0) + (o2o != null ? 1 : 0) + (o2m != null ? 1 : 0) + (m2m != null ? 1 : 0);
        if (count != 1) {
            problems.add(where + "a field declares one relationship, not " + count);
            return null;
        }
        Type generic = f.getGenericType();
        if (!(generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> target)) {
            problems.add(where + "a relationship field must be Ref<Target> or List<Target>, not " + generic.getTypeName());
            return null;
        }
        boolean collection = List.class.isAssignableFrom(f.getType());
        if ((o2m != null || m2m != null) && !collection) {
            problems.add(where + "a to-many relationship must be a List<" + target.getSimpleName() + "> field");
            return null;
        }
        if ((m2o != null || o2o != null) && collection) {
            problems.add(where + "a to-one relationship must be a Ref<" + target.getSimpleName() + "> field");
            return null;
        }
        MethodHandle getter;
        MethodHandle setter;
        try {
            getter = lookup.unreflectGetter(f).asType(GETTER);
            setter = lookup.unreflectSetter(f).asType(SETTER);
        } catch (IllegalAccessException e) {
            problems.add(where + "cannot access the field (it must not be final): " + e.getMessage());
            return null;
        }
        if (m2o != null) {
            return new DeclaredRelationship(f.getName(), f.getType(), ManyToOne.class, target, m2o.key(), "", null, m2o.fetch(),
                    cascades(m2o.cascade()), getter, setter);
        }
        if (o2o != null) {
            return new DeclaredRelationship(f.getName(), f.getType(), OneToOne.class, target, o2o.key(), o2o.mappedBy(), null,
                    o2o.fetch(), cascades(o2o.cascade()), getter, setter);
        }
        if (o2m != null) {
            return new DeclaredRelationship(f.getName(), f.getType(), OneToMany.class, target, o2m.key(), o2m.mappedBy(), null,
                    o2m.fetch(), cascades(o2m.cascade()), getter, setter);
        }
        return new DeclaredRelationship(f.getName(), f.getType(), ManyToMany.class, target, "", "", m2m.through(), m2m.fetch(),
                EnumSet.of(Cascade.SAVE), getter, setter);
    }

    private static Set<Cascade> cascades(Cascade[] cascades) {
        Set<Cascade> set = EnumSet.noneOf(Cascade.class);
        set.addAll(List.of(cascades));
        return set;
    }

    /**
     * Resolves the declared relationships of {@code owner} against the mappings of their targets,
     * which {@code mappings} gives (their columns suffice).
     *
     * @throws MappingException listing every problem of the owner's relationships
     */
    static List<RelationshipMapping> resolveRelationships(ModelMapping<?> owner, Function<Class<?>, ModelMapping<?>> mappings) {
        List<RelationshipMapping> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DeclaredRelationship d : owner.declaredRelationships()) {
            try {
                out.add(resolve(owner, d, mappings));
            } catch (MappingException e) {
                throw e; // the target model cannot be mapped: its own problems, not this relationship's
            } catch (DefinitionException | UsageException e) {
                problems.add(owner.name() + "." + d.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingException(owner.type(), problems);
        }
        return out;
    }

    private static RelationshipMapping resolve(ModelMapping<?> owner, DeclaredRelationship d,
                                               Function<Class<?>, ModelMapping<?>> mappings) {
        Class<?> type = owner.type();
        ModelMapping<?> target = mappings.apply(d.target());
        if (d.isToOneOwningSide()) {
            FieldMapping fk = d.key().isEmpty() ? referencing(owner, d.target()) : fieldOf(owner, d.key());
            return new RelationshipMapping(type, d.name(), d.fieldType(), RelationshipKind.TO_ONE_FK, target, fk, singleKey(target),
                    null, null, null, "", d.fetch(), d.cascades(), d.getter(), d.setter());
        }
        if (d.annotation() == OneToOne.class || d.annotation() == OneToMany.class) {
            FieldMapping fk;
            if (!d.key().isEmpty()) {
                fk = fieldOf(target, d.key());
            } else if (!d.mappedBy().isEmpty()) {
                fk = mappedByKey(target, d.mappedBy(), type);
            } else {
                fk = referencing(target, type);
            }
            RelationshipKind kind = d.annotation() == OneToOne.class ? RelationshipKind.TO_ONE_INVERSE : RelationshipKind.TO_MANY;
            return new RelationshipMapping(type, d.name(), d.fieldType(), kind, target, singleKey(owner), fk, null, null, null,
                    d.mappedBy(), d.fetch(), d.cascades(), d.getter(), d.setter());
        }
        ModelMapping<?> through = mappings.apply(d.through());
        return new RelationshipMapping(type, d.name(), d.fieldType(), RelationshipKind.MANY_TO_MANY, target, singleKey(owner),
                singleKey(target), through, referencing(through, type), referencing(through, d.target()), "", d.fetch(),
                d.cascades(), d.getter(), d.setter());
    }

    /** The foreign key field named by the target's to-one relationship {@code mappedBy}. */
    private static FieldMapping mappedByKey(ModelMapping<?> target, String mappedBy, Class<?> owner) {
        for (DeclaredRelationship r : target.declaredRelationships()) {
            if (r.name().equals(mappedBy)) {
                if (r.annotation() != ManyToOne.class && r.annotation() != OneToOne.class) {
                    break;
                }
                return r.key().isEmpty() ? referencing(target, owner) : fieldOf(target, r.key());
            }
        }
        for (Field f : target.type().getDeclaredFields()) {
            if (f.getName().equals(mappedBy)) {
                throw new DefinitionException("mappedBy = \"" + mappedBy + "\" must name a @ManyToOne or @OneToOne field of "
                        + target.name());
            }
        }
        throw new DefinitionException("mappedBy = \"" + mappedBy + "\" names no field of " + target.name());
    }

    private static FieldMapping fieldOf(ModelMapping<?> mapping, String field) {
        return mapping.field(field);
    }

    private static FieldMapping singleKey(ModelMapping<?> mapping) {
        if (mapping.key().size() != 1) {
            throw new DefinitionException("relationships need a single-column primary key in " + mapping.name()
                    + ", which has " + mapping.key().size());
        }
        return mapping.key().get(0);
    }

    /** The one field of {@code mapping}'s model marked {@code @References(model = target)}. */
    private static FieldMapping referencing(ModelMapping<?> mapping, Class<?> target) {
        List<FieldMapping> found = new ArrayList<>();
        for (FieldMapping f : mapping.fields()) {
            if (f.references() == target) {
                found.add(f);
            }
        }
        if (found.size() != 1) {
            throw new DefinitionException(mapping.name() + " has " + found.size() + " fields with @References(model = "
                    + target.getSimpleName() + ".class); name the foreign key field with key = \"...\"");
        }
        return found.get(0);
    }

    /**
     * Whether a field holds a relationship (managed by the ORM, no column of its own): it carries an annotation marked
     * {@link Relationship}. This package's own annotations are known ({@link #RELATIONSHIPS}); only another annotation
     * type is asked for its meta-annotations, which makes the JDK build a proxy class for each of them ({@code @Target},
     * {@code @Documented}), a cost that a command line paid on every start.
     */
    private static boolean isRelationship(Field f) {
        for (java.lang.annotation.Annotation a : f.getAnnotations()) {
            Class<? extends java.lang.annotation.Annotation> t = a.annotationType();
            if (t.getPackageName().equals(ModelReader.class.getPackageName()) ? RELATIONSHIPS.contains(t)
                    : t.isAnnotationPresent(Relationship.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code type}'s {@code annotation}s, directly present or in their {@code container}. Asked only of a class that
     * carries one of the two: {@code getAnnotationsByType} reads the annotation type's own meta-annotations (a proxy
     * class for {@code @Repeatable}) even when the class has none, as most models have none.
     */
    @SuppressWarnings("unchecked")
    private <A extends java.lang.annotation.Annotation> A[] repeatable(Class<A> annotation,
                                                                       Class<? extends java.lang.annotation.Annotation> container) {
        return type.isAnnotationPresent(annotation) || type.isAnnotationPresent(container) ? type.getAnnotationsByType(annotation)
                : (A[]) Array.newInstance(annotation, 0);
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
        Precision precision = f.getAnnotation(Precision.class);
        FieldFacts facts = new FieldFacts(f.getGenericType().getTypeName(), f.getType().getTypeName(), f.getType().isEnum(),
                length == null ? null : length.value(), f.isAnnotationPresent(Text.class),
                numeric == null ? null : numeric.precision(), numeric == null ? null : numeric.scale(),
                f.isAnnotationPresent(DefaultNow.class), precision == null ? null : precision.value());
        List<String> fieldProblems = MappingRules.problems(facts);
        DatabaseEnum databaseEnum = f.getAnnotation(DatabaseEnum.class);
        if (databaseEnum != null && fieldProblems.isEmpty()) {
            fieldProblems.addAll(MappingRules.databaseEnumProblems(facts, List.of(databaseEnum.values())));
        }
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
        ColumnOptions override = f.getAnnotation(ColumnOptions.class);
        String name = override != null && !override.name().isEmpty() ? override.name() : MappingRules.snakeCase(f.getName());
        Column<Object> column = column(name, databaseEnum != null
                ? Types.databaseEnum(databaseEnum.name().isEmpty() ? null : databaseEnum.name(), List.of(databaseEnum.values()))
                : sqlType(kind, f, facts));
        column.field(f.getName());
        Id id = f.getAnnotation(Id.class);
        if (id != null) {
            column.primaryKey();
            if (!id.generated()) {
                column.autoincrement(false);
            }
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
            column.defaultValue(now(kind, column.type()));
        }
        if (f.isAnnotationPresent(UpdatedNow.class)) {
            column.onUpdate(now(kind, column.type()));
        }
        DatabaseDefault serverDefault = f.getAnnotation(DatabaseDefault.class);
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

    /**
     * The client's clock, cut to the column's precision (whole seconds for {@code @Precision(0)}), so
     * that the object holds what the database keeps: cut rather than rounded, the way a clock reads.
     */
    private static Supplier<Object> now(Kind kind, SqlType<?> type) {
        int precision = type instanceof FractionalSeconds f ? f.precision() : FractionalSeconds.DEFAULT_PRECISION;
        int digits = 1;
        for (int i = precision; i < 9; i++) {
            digits *= 10;
        }
        int unit = digits;
        return switch (kind) {
            case DATE_TIME -> () -> {
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                return now.withNano(now.getNano() - now.getNano() % unit);
            };
            case DATE_TIME_TZ -> () -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                return now.withNano(now.getNano() - now.getNano() % unit);
            };
            case DATE -> () -> LocalDate.now(ZoneOffset.UTC);
            default -> throw new AshlarException("MappingRules admits @DefaultNow only on dates and times, not " + kind
                    + "; this is a bug in Ashlar, please report it");
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
            case TIME -> facts.timePrecision() == null ? Types.time() : Types.time(facts.timePrecision());
            case DATE_TIME -> facts.timePrecision() == null ? Types.dateTime() : Types.dateTime(facts.timePrecision());
            case DATE_TIME_TZ -> facts.timePrecision() == null ? Types.dateTimeTz() : Types.dateTimeTz(facts.timePrecision());
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

    /**
     * The factory that the annotation processor generated for the model ({@code Item_.Factory}), when
     * the model's class loader has it and it sets exactly the mapped fields, with their types, in their
     * order; else {@code null}, and objects are made with method handles. Code generated before a field
     * was added, removed, moved or retyped is so never used (its field stores would fail to link).
     */
    private ModelFactory<?> generatedFactory(List<Draft> drafts) {
        String pkg = type.getPackageName();
        String name = (pkg.isEmpty() ? "" : pkg + ".") + MappingRules.metamodelName(type) + "$" + ModelFactory.GENERATED_NAME;
        List<String> names = new ArrayList<>(drafts.size());
        List<Class<?>> types = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            names.add(d.field().getName());
            types.add(d.field().getType());
        }
        try {
            Class<?> generated = Class.forName(name, false, type.getClassLoader());
            if (!ModelFactory.class.isAssignableFrom(generated)) {
                return null;
            }
            // the generated class is package-private: the model's own lookup reaches it
            ModelFactory<?> factory = (ModelFactory<?>) lookup.findConstructor(generated, MethodType.methodType(void.class)).invoke();
            return names.equals(factory.fieldNames()) && types.equals(factory.fieldTypes()) ? factory : null;
        } catch (LinkageError | ReflectiveOperationException e) {
            // compiled without the processor (ClassNotFoundException), by an earlier processor (an
            // AbstractMethodError for a method it did not generate) or against another version of the
            // class: the handles serve
            return null;
        } catch (Throwable e) {
            throw new MappingException(type, modelName + ": its generated factory failed: " + e, e);
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
