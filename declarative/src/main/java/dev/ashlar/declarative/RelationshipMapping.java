package dev.ashlar.declarative;

import dev.ashlar.core.error.AshlarException;
import java.lang.invoke.MethodHandle;
import java.util.Collections;
import java.util.Set;

/**
 * One relationship field of a model, resolved once by the model reader: its kind, its target (and
 * association model), the fields whose columns join the two sides, its default loading, its
 * cascades, the relationship on the other side that mirrors it, and fast access to the field.
 */
public final class RelationshipMapping {
    private final Class<?> owner;
    private final String name;
    private final Class<?> fieldType;
    private final RelationshipKind kind;
    private final ModelMapping<?> target;
    private final FieldMapping ownerKey;
    private final FieldMapping targetKey;
    private final ModelMapping<?> through;
    private final FieldMapping throughOwnerKey;
    private final FieldMapping throughTargetKey;
    private final String mappedBy;
    private final Fetch fetch;
    private final Set<Cascade> cascades;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** Set once by the registry after every model the relationship reaches is resolved, before the mapping is published. */
    private RelationshipMapping inverse;

    RelationshipMapping(Class<?> owner, String name, Class<?> fieldType, RelationshipKind kind, ModelMapping<?> target,
                        FieldMapping ownerKey, FieldMapping targetKey, ModelMapping<?> through, FieldMapping throughOwnerKey,
                        FieldMapping throughTargetKey, String mappedBy, Fetch fetch, Set<Cascade> cascades, MethodHandle getter,
                        MethodHandle setter) {
        this.owner = owner;
        this.name = name;
        this.fieldType = fieldType;
        this.kind = kind;
        this.target = target;
        this.ownerKey = ownerKey;
        this.targetKey = targetKey;
        this.through = through;
        this.throughOwnerKey = throughOwnerKey;
        this.throughTargetKey = throughTargetKey;
        this.mappedBy = mappedBy;
        this.fetch = fetch;
        this.cascades = Collections.unmodifiableSet(cascades);
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

    /** The declared type of the field, such as the holder class of a to-one reference or {@code List}. */
    public Class<?> fieldType() {
        return fieldType;
    }

    /** The shape of the relationship. */
    public RelationshipKind kind() {
        return kind;
    }

    /** The related model class. */
    public Class<?> target() {
        return target.type();
    }

    /** The related model's mapping (in the same registry). */
    public ModelMapping<?> targetMapping() {
        return target;
    }

    /**
     * The owner-side join field: the foreign key field for {@link RelationshipKind#TO_ONE_FK}, the
     * owner's primary key otherwise.
     */
    public FieldMapping ownerKey() {
        return ownerKey;
    }

    /**
     * The target-side join field: the target's primary key for {@link RelationshipKind#TO_ONE_FK} and
     * {@link RelationshipKind#MANY_TO_MANY}, the target's foreign key field otherwise.
     */
    public FieldMapping targetKey() {
        return targetKey;
    }

    /** The association model class of a many-to-many, else {@code null}. */
    public Class<?> through() {
        return through == null ? null : through.type();
    }

    /** The association model's mapping of a many-to-many, else {@code null}. */
    public ModelMapping<?> throughMapping() {
        return through;
    }

    /** The association model's field referencing the owner, else {@code null}. */
    public FieldMapping throughOwnerKey() {
        return throughOwnerKey;
    }

    /** The association model's field referencing the target, else {@code null}. */
    public FieldMapping throughTargetKey() {
        return throughTargetKey;
    }

    /** The relationship on the target side that mirrors this one, or {@code null}. */
    public RelationshipMapping inverse() {
        return inverse;
    }

    void inverse(RelationshipMapping inverse) {
        this.inverse = inverse;
    }

    /** The name of the target's relationship this one is mapped by, or empty. */
    public String mappedBy() {
        return mappedBy;
    }

    /** The loading used when a query does not say otherwise. */
    public Fetch fetch() {
        return fetch;
    }

    /** Whether this cascade applies. */
    public boolean cascades(Cascade cascade) {
        return cascades.contains(cascade);
    }

    /** The cascades that apply. */
    public Set<Cascade> cascades() {
        return cascades;
    }

    /** The field's current value (the to-one holder or the list). */
    public Object read(Object model) {
        try {
            return getter.invokeExact(model);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot read " + path() + ": " + t, t);
        }
    }

    /** Sets the field. */
    public void write(Object model, Object value) {
        try {
            setter.invokeExact(model, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot write " + path() + ": " + t, t);
        }
    }

    /** {@code Model.field}. */
    @Override
    public String toString() {
        return path();
    }
}
