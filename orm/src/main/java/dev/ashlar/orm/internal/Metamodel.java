package dev.ashlar.orm.internal;

import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.ManyToMany;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.MappingException;
import dev.ashlar.declarative.ModelInfo;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Models;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.OneToOne;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Version;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session's view of the models of one {@link ModelRegistry} (or of the shared {@link Models}):
 * each class read once, its relationships resolved against the declarative mapping.
 */
public final class Metamodel {
    private static final Map<Object, Metamodel> BY_REGISTRY = new IdentityHashMap<>();
    private static final Object SHARED = new Object();
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final ModelRegistry registry;
    private final Map<Class<?>, EntityMeta> entities = new HashMap<>();

    private Metamodel(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The metamodel over {@code registry}, or over the shared {@link Models} when it is {@code null}. */
    public static synchronized Metamodel of(ModelRegistry registry) {
        Object key = registry == null ? SHARED : registry;
        Metamodel known = BY_REGISTRY.get(key);
        return known != null ? known : BY_REGISTRY.computeIfAbsent(key, k -> new Metamodel(registry));
    }

    /** The declarative model of a class. */
    public <T> ModelInfo<T> info(Class<T> type) {
        return registry == null ? Models.of(type) : registry.of(type);
    }

    /** The session metadata of a model class, read on first use. */
    public synchronized EntityMeta entity(Class<?> type) {
        EntityMeta meta = entities.get(type);
        if (meta == null) {
            meta = read(type);
            entities.put(type, meta);
        }
        return meta;
    }

    private EntityMeta read(Class<?> type) {
        ModelInfo<?> info = info(type);
        List<String> problems = new ArrayList<>();
        Binding version = null;
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException(type, type.getSimpleName() + ": cannot access the class; open its package to dev.ashlar.orm", e);
        }
        List<Field> relationFields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (f.isAnnotationPresent(Version.class)) {
                version = info.mapping().bindings().stream().filter(b -> b.field().equals(f.getName())).findFirst().orElse(null);
                Class<?> t = f.getType();
                if (version == null || !(t == int.class || t == long.class || t == Integer.class || t == Long.class)) {
                    problems.add(type.getSimpleName() + "." + f.getName() + ": @Version needs a mapped int, long, Integer or Long field");
                }
            }
            if (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToMany.class)
                    || f.isAnnotationPresent(OneToOne.class) || f.isAnnotationPresent(ManyToMany.class)) {
                relationFields.add(f);
            }
        }
        EntityMeta meta = new EntityMeta(info, version);
        for (Field f : relationFields) {
            try {
                meta.addRelationship(relationship(meta, f, lookup));
            } catch (IllegalArgumentException e) {
                problems.add(type.getSimpleName() + "." + f.getName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingException(type, problems);
        }
        return meta;
    }

    private RelationshipMeta relationship(EntityMeta owner, Field f, MethodHandles.Lookup lookup) {
        Class<?> type = owner.type();
        boolean collection = List.class.isAssignableFrom(f.getType());
        boolean ref = f.getType().getName().equals("dev.ashlar.orm.Ref");
        Class<?> target = typeArgument(f);
        MethodHandle getter;
        MethodHandle setter;
        try {
            getter = lookup.unreflectGetter(f).asType(GETTER);
            setter = lookup.unreflectSetter(f).asType(SETTER);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot access the field (it must not be final): " + e.getMessage());
        }
        ManyToOne m2o = f.getAnnotation(ManyToOne.class);
        OneToOne o2o = f.getAnnotation(OneToOne.class);
        OneToMany o2m = f.getAnnotation(OneToMany.class);
        ManyToMany m2m = f.getAnnotation(ManyToMany.class);
        if ((m2o != null || o2o != null) && !ref) {
            throw new IllegalArgumentException("a to-one relationship must be a Ref<" + target.getSimpleName() + "> field");
        }
        if ((o2m != null || m2m != null) && !collection) {
            throw new IllegalArgumentException("a to-many relationship must be a List<" + target.getSimpleName() + "> field");
        }
        EntityMeta ownerMeta = owner;
        ModelInfo<?> targetInfo = info(target);
        if (m2o != null || (o2o != null && o2o.mappedBy().isEmpty())) {
            String keyName = m2o != null ? m2o.key() : o2o.key();
            Binding fk = keyName.isEmpty() ? referencing(ownerMeta.info(), target) : bindingOf(ownerMeta.info(), keyName);
            Binding pk = singleKey(targetInfo);
            Fetch fetch = m2o != null ? m2o.fetch() : o2o.fetch();
            Cascade[] cascade = m2o != null ? m2o.cascade() : o2o.cascade();
            return new RelationshipMeta(this, type, f.getName(), RelationKind.TO_ONE_FK, target, fk, pk, null, null, null, "",
                    fetch, cascades(cascade), getter, setter);
        }
        if (o2o != null || o2m != null) {
            String mappedBy = o2o != null ? o2o.mappedBy() : o2m.mappedBy();
            String keyName = o2m != null ? o2m.key() : "";
            Binding fk;
            if (!keyName.isEmpty()) {
                fk = bindingOf(targetInfo, keyName);
            } else if (!mappedBy.isEmpty()) {
                fk = mappedByKey(target, mappedBy, type);
            } else {
                fk = referencing(targetInfo, type);
            }
            Binding pk = singleKey(ownerMeta.info());
            return new RelationshipMeta(this, type, f.getName(), o2o != null ? RelationKind.TO_ONE_INVERSE : RelationKind.TO_MANY,
                    target, pk, fk, null, null, null, mappedBy, o2o != null ? o2o.fetch() : o2m.fetch(),
                    cascades(o2o != null ? o2o.cascade() : o2m.cascade()), getter, setter);
        }
        ModelInfo<?> throughInfo = info(m2m.through());
        Binding ownerSide = referencing(throughInfo, type);
        Binding targetSide = referencing(throughInfo, target);
        return new RelationshipMeta(this, type, f.getName(), RelationKind.MANY_TO_MANY, target, singleKey(ownerMeta.info()),
                singleKey(targetInfo), m2m.through(), ownerSide, targetSide, "", m2m.fetch(), EnumSet.of(Cascade.SAVE), getter, setter);
    }

    /** The foreign key field named by the target's to-one relationship {@code mappedBy}. */
    private Binding mappedByKey(Class<?> target, String mappedBy, Class<?> owner) {
        Field f;
        try {
            f = target.getDeclaredField(mappedBy);
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException("mappedBy = \"" + mappedBy + "\" names no field of " + target.getSimpleName());
        }
        ManyToOne m2o = f.getAnnotation(ManyToOne.class);
        OneToOne o2o = f.getAnnotation(OneToOne.class);
        String key = m2o != null ? m2o.key() : o2o != null ? o2o.key() : null;
        if (key == null) {
            throw new IllegalArgumentException("mappedBy = \"" + mappedBy + "\" must name a @ManyToOne or @OneToOne field of "
                    + target.getSimpleName());
        }
        ModelInfo<?> targetInfo = info(target);
        return key.isEmpty() ? referencing(targetInfo, owner) : bindingOf(targetInfo, key);
    }

    private static Set<Cascade> cascades(Cascade[] cascades) {
        Set<Cascade> set = EnumSet.noneOf(Cascade.class);
        set.addAll(List.of(cascades));
        return set;
    }

    private static Binding bindingOf(ModelInfo<?> info, String field) {
        for (Binding b : info.mapping().bindings()) {
            if (b.field().equals(field)) {
                return b;
            }
        }
        throw new IllegalArgumentException(info.type().getSimpleName() + " has no mapped field '" + field + "'; its fields are "
                + info.fieldNames());
    }

    private static Binding singleKey(ModelInfo<?> info) {
        List<Binding> keys = new ArrayList<>();
        for (Binding b : info.mapping().bindings()) {
            if (b.column().isPrimaryKey()) {
                keys.add(b);
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("relationships need a single-column primary key in " + info.type().getSimpleName()
                    + ", which has " + keys.size());
        }
        return keys.get(0);
    }

    /** The one field of {@code info}'s model marked {@code @References(model = target)}. */
    private static Binding referencing(ModelInfo<?> info, Class<?> target) {
        List<Binding> found = new ArrayList<>();
        for (Binding b : info.mapping().bindings()) {
            try {
                References r = info.type().getDeclaredField(b.field()).getAnnotation(References.class);
                if (r != null && r.model() == target) {
                    found.add(b);
                }
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(info.type().getSimpleName() + " has " + found.size() + " fields with @References(model = "
                    + target.getSimpleName() + ".class); name the foreign key field with key = \"...\"");
        }
        return found.get(0);
    }

    private static Class<?> typeArgument(Field f) {
        Type generic = f.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("a relationship field must be Ref<Target> or List<Target>, not " + generic.getTypeName());
    }
}
