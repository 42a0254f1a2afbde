package dev.ashlar.orm;

import dev.ashlar.declarative.Fetch;
import dev.ashlar.orm.internal.EntityKey;
import dev.ashlar.orm.internal.EntityMeta;
import dev.ashlar.orm.internal.RelationshipMeta;
import java.util.Map;

/** What a session tracks about one object of a mutable model. */
final class EntityState {
    enum Status { PENDING, PERSISTENT, DELETED }

    final Object object;
    final EntityMeta meta;
    Status status;
    /** Mapped values as last read from or written to the database; {@code null} while pending. */
    Object[] snapshot;
    EntityKey key;
    /** The result that loaded the object, for N+1 detection. */
    long resultId;
    /** Loading overrides of the query that loaded the object, by {@code Model.field}. */
    Map<String, Fetch> plan = Map.of();

    EntityState(Object object, EntityMeta meta, Status status) {
        this.object = object;
        this.meta = meta;
        this.status = status;
    }

    Fetch fetch(RelationshipMeta rel) {
        return plan.getOrDefault(rel.path(), rel.fetch());
    }
}
