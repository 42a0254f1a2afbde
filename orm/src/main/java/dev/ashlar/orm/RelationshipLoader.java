package dev.ashlar.orm;

import dev.ashlar.core.engine.Row;
import dev.ashlar.core.sql.Select;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.IdentityMap;
import dev.ashlar.orm.internal.NPlusOneDetector;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads relationships, by each loading strategy: lazily for one object on first access (counted
 * for N+1 detection), select-in for all objects of a result with one statement per chunk of keys,
 * and raise, which refuses to load. Joined loading happens in the query itself ({@link JoinPlan});
 * what a join did not reach is loaded select-in from here.
 */
final class RelationshipLoader {
    /** Keys per IN list: large enough that select-in loading stays one statement for realistic results. */
    static final int IN_CHUNK = 5000;

    private final Session session;

    RelationshipLoader(Session session) {
        this.session = session;
    }

    // ---- lazy ---------------------------------------------------------------------------------

    /** The value of an unloaded reference, loaded on access (from the identity map when it is there). */
    Object loadReference(Object owner, RelationshipMapping rel) {
        ObjectState s = checkLoadable(owner, rel);
        ModelMeta target = session.model(rel.target());
        Object key = s.meta.get(owner, rel.ownerKey());
        if (rel.kind() == RelationshipKind.TO_ONE_FK) {
            if (key == null) {
                return null;
            }
            Object known = map().find(target.keyFromValues(key));
            if (known != null) {
                return known;
            }
        }
        session.detector().lazyLoad(s, rel);
        List<Object> found = session.loader().load(target, List.of(target.mapping().select().where(rel.targetKey().column().eq(key))),
                "the lazy load of " + rel.path(), Map.of());
        Object value = found.isEmpty() ? null : found.get(0);
        if (rel.kind() != RelationshipKind.TO_ONE_FK && value != null && rel.inverse() != null
                && rel.inverse().read(value) instanceof Ref<?> back) {
            back.setQuietly(owner);
        }
        return value;
    }

    /** The items of an unloaded collection, loaded on access. */
    List<?> loadCollection(Object owner, RelationshipMapping rel) {
        ObjectState s = checkLoadable(owner, rel);
        session.detector().lazyLoad(s, rel);
        Map<Object, List<Object>> byOwner = loadCollections(s.meta, List.of(owner), rel, null);
        return byOwner.getOrDefault(s.meta.get(owner, rel.ownerKey()), List.of());
    }

    private ObjectState checkLoadable(Object owner, RelationshipMapping rel) {
        String option = NPlusOneDetector.loadOption(rel);
        if (session.isClosed()) {
            throw new UnloadedRelationshipException(rel.path(), rel.path() + " of " + describe(owner, rel)
                    + " is not loaded and the session that loaded it is closed. Load it while the session is open: add "
                    + option + " to the query, or access it before closing the session");
        }
        ObjectState s = map().state(owner);
        if (s == null) {
            throw new UnloadedRelationshipException(rel.path(), rel.path() + " of " + describe(owner, rel)
                    + " is not loaded and the object is not in the session (expunged or from another session); merge it first");
        }
        if (s.fetch(rel) == Fetch.RAISE) {
            throw new UnloadedRelationshipException(rel.path(), rel.path() + " of " + s.meta.describe(owner)
                    + " is not loaded and its loading is raise; load it with the query: " + option);
        }
        return s;
    }

    private String describe(Object owner, RelationshipMapping rel) {
        return session.model(rel.owner()).describe(owner);
    }

    // ---- select-in ----------------------------------------------------------------------------

    /** Loads the select-in and joined relationships of a result's objects and applies the plan onward. */
    void applyPlan(ModelMeta meta, List<Object> owners, Map<String, Fetch> plan) {
        applyPlan(meta, owners, plan, new HashSet<>());
    }

    /**
     * Loads select-in relationships of {@code owners} and walks on through joined ones. A joined
     * relationship that the join did not fill (objects reached by a select-in or lazy load) is
     * loaded select-in: one statement more rather than one per object. {@code walked} holds the
     * joined relationships already walked through, since joined relationships may form a cycle.
     */
    private void applyPlan(ModelMeta meta, List<Object> owners, Map<String, Fetch> plan, Set<RelationshipMapping> walked) {
        if (owners.isEmpty()) {
            return;
        }
        for (RelationshipMapping rel : meta.relationships()) {
            Fetch fetch = plan.getOrDefault(rel.path(), rel.fetch());
            if (fetch != Fetch.SELECT_IN && fetch != Fetch.JOINED) {
                continue;
            }
            List<Object> needing = new ArrayList<>();
            Set<Object> reached = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object o : owners) {
                Object holder = rel.read(o);
                if (!Relationships.isLoaded(holder)) {
                    needing.add(o);
                } else if (fetch == Fetch.JOINED) {
                    reached.addAll(Relationships.peek(holder));
                }
            }
            ModelMeta target = session.model(rel.target());
            if (!needing.isEmpty()) {
                applyPlan(target, selectIn(meta, needing, rel, plan), plan, walked);
            }
            if (!reached.isEmpty() && walked.add(rel)) {
                applyPlan(target, new ArrayList<>(reached), plan, walked);
            }
        }
    }

    /** One query (per chunk of keys) loading {@code rel} for every owner; returns the related objects. */
    private List<Object> selectIn(ModelMeta meta, List<Object> owners, RelationshipMapping rel, Map<String, Fetch> plan) {
        Set<Object> related = Collections.newSetFromMap(new IdentityHashMap<>());
        if (rel.kind() == RelationshipKind.TO_ONE_FK) {
            ModelMeta target = session.model(rel.target());
            Set<Object> missing = new LinkedHashSet<>();
            for (Object o : owners) {
                Object fk = meta.get(o, rel.ownerKey());
                if (fk != null && !map().containsKey(target.keyFromValues(fk))) {
                    missing.add(fk);
                }
            }
            loadByKeys(target, rel.targetKey(), missing, plan, rel);
            for (Object o : owners) {
                Object fk = meta.get(o, rel.ownerKey());
                Object value = fk == null ? null : map().find(target.keyFromValues(fk));
                session.relationships().fill(o, rel, value == null ? List.of() : List.of(value));
                if (value != null) {
                    related.add(value);
                }
            }
            return new ArrayList<>(related);
        }
        Map<Object, List<Object>> byOwner = loadCollections(meta, owners, rel, plan);
        for (Object o : owners) {
            List<Object> items = byOwner.getOrDefault(meta.get(o, rel.ownerKey()), List.of());
            session.relationships().fill(o, rel, items);
            related.addAll(items);
        }
        return new ArrayList<>(related);
    }

    /** Loads objects of {@code target} whose {@code key} is one of {@code values}, in chunks. */
    private List<Object> loadByKeys(ModelMeta target, FieldMapping key, Collection<Object> values, Map<String, Fetch> plan,
                                    RelationshipMapping rel) {
        if (values.isEmpty()) {
            return new ArrayList<>();
        }
        List<Select> selects = new ArrayList<>();
        for (List<Object> chunk : chunks(values)) {
            selects.add(target.mapping().select().where(key.column().in(chunk)).orderBy(target.key().get(0).column().asc()));
        }
        return session.loader().load(target, selects, "the select-in load of " + rel.path(), plan == null ? Map.of() : plan);
    }

    /** The related objects of a collection (or inverse to-one) for each owner key. */
    private Map<Object, List<Object>> loadCollections(ModelMeta meta, List<Object> owners, RelationshipMapping rel,
                                                      Map<String, Fetch> plan) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Object o : owners) {
            Object k = meta.get(o, rel.ownerKey());
            if (k != null) {
                keys.add(k);
            }
        }
        if (rel.kind() == RelationshipKind.MANY_TO_MANY) {
            return loadThroughAssociation(keys, rel, plan);
        }
        ModelMeta target = session.model(rel.target());
        List<Object> items = loadByKeys(target, rel.targetKey(), keys, plan, rel);
        Map<Object, List<Object>> byOwner = new HashMap<>();
        for (Object item : items) {
            byOwner.computeIfAbsent(target.get(item, rel.targetKey()), k -> new ArrayList<>()).add(item);
        }
        RelationshipMapping inverse = rel.inverse();
        if (inverse != null && inverse.kind() == RelationshipKind.TO_ONE_FK) {
            Map<Object, Object> ownerByKey = new HashMap<>();
            for (Object o : owners) {
                ownerByKey.put(meta.get(o, rel.ownerKey()), o);
            }
            for (Object item : items) {
                Object owner = ownerByKey.get(target.get(item, rel.targetKey()));
                if (owner != null) {
                    session.relationships().fillIfUnloaded(item, inverse, owner);
                }
            }
        }
        return byOwner;
    }

    /** The targets of a many-to-many for each owner key: the association rows first, then the targets not yet held. */
    private Map<Object, List<Object>> loadThroughAssociation(Set<Object> keys, RelationshipMapping rel, Map<String, Fetch> plan) {
        ModelMeta target = session.model(rel.target());
        ModelMeta through = session.model(rel.through());
        Map<Object, List<Object>> targetKeys = new HashMap<>();
        Set<Object> wanted = new LinkedHashSet<>();
        for (List<Object> chunk : chunks(keys)) {
            // ordered so each owner's targets come in key order on every database, as a joined load gives them
            Select select = through.mapping().select().where(rel.throughOwnerKey().column().in(chunk))
                    .orderBy(rel.throughTargetKey().column().asc());
            for (Row row : session.readConnection().query(select).list()) {
                Object targetKey = row.get(rel.throughTargetKey().column());
                targetKeys.computeIfAbsent(row.get(rel.throughOwnerKey().column()), k -> new ArrayList<>()).add(targetKey);
                if (!map().containsKey(target.keyFromValues(targetKey))) {
                    wanted.add(targetKey);
                }
            }
        }
        loadByKeys(target, rel.targetKey(), wanted, plan, rel);
        Map<Object, List<Object>> byOwner = new HashMap<>();
        targetKeys.forEach((ownerKey, tks) -> {
            List<Object> items = new ArrayList<>();
            for (Object tk : tks) {
                Object t = map().find(target.keyFromValues(tk));
                if (t != null) {
                    items.add(t);
                }
            }
            byOwner.put(ownerKey, items);
        });
        return byOwner;
    }

    private static List<List<Object>> chunks(Collection<Object> values) {
        List<Object> all = new ArrayList<>(values);
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return out;
    }

    private IdentityMap map() {
        return session.map();
    }
}
