package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.internal.ObjectState.Status;
import java.util.List;

/**
 * Writes the rows of many-to-many association tables: removed pairs and the pairs of deleted
 * owners are deleted, added pairs inserted, all in one batch.
 */
public final class AssociationWriter {
    /**
     * A pair of objects related through an association table, to add or remove.
     *
     * @param rel    the many-to-many relationship
     * @param owner  the object declaring it
     * @param target the related object
     */
    public record Association(RelationshipMapping rel, Object owner, Object target) {
    }

    private final IdentityMap map;

    /** A writer resolving object states through {@code map}. */
    public AssociationWriter(IdentityMap map) {
        this.map = map;
    }

    /** Writes the changes of the association tables in one batch. */
    public void write(StatementBatch batch, List<Association> removes, List<Association> adds, List<ObjectState> deletes) {
        for (Association a : removes) {
            batch.add(Sql.deleteFrom(through(a.rel())).where(a.rel().throughOwnerKey().column().eq(keyOf(a.owner(), a.rel().ownerKey()))
                    .and(a.rel().throughTargetKey().column().eq(keyOf(a.target(), a.rel().targetKey())))));
        }
        for (ObjectState s : deletes) {
            for (RelationshipMapping rel : s.meta.relationships()) {
                if (rel.kind() == RelationshipKind.MANY_TO_MANY) {
                    batch.add(Sql.deleteFrom(through(rel)).where(rel.throughOwnerKey().column().eq(keyOf(s.object, rel.ownerKey()))));
                }
            }
        }
        for (Association a : adds) {
            ObjectState owner = map.state(a.owner());
            if (owner == null || owner.status == Status.DELETED) {
                continue;
            }
            batch.add(Sql.insertInto(through(a.rel())).set(a.rel().throughOwnerKey().column(), keyOf(a.owner(), a.rel().ownerKey()))
                    .set(a.rel().throughTargetKey().column(), keyOf(a.target(), a.rel().targetKey())));
        }
        batch.run();
    }

    private Table through(RelationshipMapping rel) {
        return rel.throughMapping().table();
    }

    private Object keyOf(Object model, FieldMapping b) {
        return b.get(model);
    }
}
