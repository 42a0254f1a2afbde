package dev.ashlar.orm.internal;

import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import java.lang.invoke.MethodHandle;
import java.util.Set;

/**
 * One relationship field of a model, resolved once: its kind, target, the foreign key bindings that
 * join the two sides, its default loading and cascades, and handles to read and write the field.
 */
public final class RelationshipMeta {
    private final Metamodel metamodel;
    private final Class<?> owner;
    private final String name;
    private final RelationKind kind;
    private final Class<?> target;
    private final Binding ownerKey;
    private final Binding targetKey;
    private final Class<?> through;
    private final Binding throughOwnerKey;
    private final Binding throughTargetKey;
    private final String mappedBy;
    private final Fetch fetch;
    private final Set<Cascade> cascades;
    private final MethodHandle getter;
    private final MethodHandle setter;

    RelationshipMeta(Metamodel metamodel, Class<?> owner, String name, RelationKind kind, Class<?> target, Binding ownerKey,
                     Binding targetKey, Class<?> through, Binding throughOwnerKey, Binding throughTargetKey, String mappedBy,
                     Fetch fetch, Set<Cascade> cascades, MethodHandle getter, MethodHandle setter) {
        this.metamodel = metamodel;
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.ownerKey = ownerKey;
        this.targetKey = targetKey;
        this.through = through;
        this.throughOwnerKey = throughOwnerKey;
        this.throughTargetKey = throughTargetKey;
        this.mappedBy = mappedBy;
        this.fetch = fetch;
        this.cascades = cascades;
        this.getter = getter;
        this.setter = setter;
    }

    /** {@code Model.field}, as used in messages. */
    public String path() {
        return owner.getSimpleName() + "." + name;
    }

    /** The model declaring the field. */
    public Class<?> owner() {
        return owner;
    }

    /** The field name. */
    public String name() {
        return name;
    }

    /** The shape of the relationship. */
    public RelationKind kind() {
        return kind;
    }

    /** The related model. */
    public Class<?> target() {
        return target;
    }

    /**
     * The owner-side join binding: the foreign key field for {@link RelationKind#TO_ONE_FK}, the
     * owner's primary key otherwise.
     */
    public Binding ownerKey() {
        return ownerKey;
    }

    /**
     * The target-side join binding: the target's primary key for {@link RelationKind#TO_ONE_FK} and
     * {@link RelationKind#MANY_TO_MANY}, the target's foreign key field otherwise.
     */
    public Binding targetKey() {
        return targetKey;
    }

    /** The association model of a many-to-many, else {@code null}. */
    public Class<?> through() {
        return through;
    }

    /** The association model's field referencing the owner. */
    public Binding throughOwnerKey() {
        return throughOwnerKey;
    }

    /** The association model's field referencing the target. */
    public Binding throughTargetKey() {
        return throughTargetKey;
    }

    /** The relationship on the target side that mirrors this one, or {@code null}. */
    public RelationshipMeta inverse() {
        if (!mappedBy.isEmpty()) {
            return metamodel.entity(target).relationship(mappedBy);
        }
        // the to-one side finds its collection by looking for a relationship mapped by it
        for (RelationshipMeta r : metamodel.entity(target).relationships()) {
            if (r.target == owner && r.mappedBy.equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The name of the target's relationship this one is mapped by, or empty. */
    public String mappedBy() {
        return mappedBy;
    }

    /** The loading used when the query does not say otherwise. */
    public Fetch fetch() {
        return fetch;
    }

    /** Whether this cascade applies. */
    public boolean cascades(Cascade cascade) {
        return cascades.contains(cascade);
    }

    /** The field's current value (a {@code Ref} or a {@code List}). */
    public Object read(Object model) {
        try {
            return getter.invokeExact(model);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read " + path(), t);
        }
    }

    /** Sets the field. */
    public void write(Object model, Object value) {
        try {
            setter.invokeExact(model, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot write " + path(), t);
        }
    }

    /** {@code Model.field}. */
    @Override
    public String toString() {
        return path();
    }
}
