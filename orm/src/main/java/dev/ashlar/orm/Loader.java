package dev.ashlar.orm;

import dev.ashlar.core.engine.Row;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.orm.internal.ModelKey;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.ObjectState.Status;
import dev.ashlar.orm.internal.Hooks;
import dev.ashlar.orm.internal.Hooks.Event;
import dev.ashlar.orm.internal.IdentityMap;
import dev.ashlar.orm.internal.SelectParts;
import dev.ashlar.core.engine.StatementTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns rows into the session's objects: runs model queries (plain or joined), makes one object
 * per row through the identity map, starts tracking new ones with their relationship holders
 * installed, and calls {@link Lifecycle#afterLoad()} once a result is complete.
 */
final class Loader {
    private final Session session;

    Loader(Session session) {
        this.session = session;
    }

    /** The objects of a {@link ModelQuery}, with the relationships its plan loads eagerly. */
    @SuppressWarnings("unchecked")
    <T> List<T> query(ModelMeta meta, List<Condition> conditions, List<SortOrder> sort, Long limit, Long offset,
                      Map<String, Fetch> plan) {
        session.checkOpen("query");
        session.autoflush();
        int resultId = session.detector().newResult(meta.selectOrigin());
        JoinPlan joins = JoinPlan.of(meta, plan);
        List<Object> fresh = new ArrayList<>();
        List<Object> out;
        if (joins.isEmpty()) {
            out = readRows(meta, SelectParts.apply(meta.mapping().select(), conditions, sort, limit, offset), resultId, plan, fresh);
        } else {
            List<Row> rows = session.readConnection().query(joins.select(conditions, sort, limit, offset)).list();
            out = joins.read(this, session.relationships(), rows, resultId, plan, fresh);
        }
        if (!meta.isRecord() && meta.hasRelationships()) {
            session.relationshipLoader().applyPlan(meta, new ArrayList<>(out), plan);
        }
        afterLoad(fresh);
        return (List<T>) out;
    }

    /**
     * Whether {@link #byKey} can read objects of {@code meta}: its select is its plain columns and
     * no relationship is joined eagerly (otherwise the general query path reads them).
     */
    boolean canLoadByKey(ModelMeta meta) {
        // a model without relationships joins nothing: no plan to build per lookup
        return meta.byKeyTemplate() != null
                && (!meta.hasRelationships() || JoinPlan.of(meta, Map.of()).isEmpty());
    }

    /**
     * The object of one primary key, read with the model's compiled load by key (no query built or
     * compiled per call), or {@code null} when no row has it.
     */
    Object byKey(ModelMeta meta, Object[] key) {
        session.checkOpen("get");
        StatementTemplate template = meta.byKeyTemplate();
        session.autoflush();
        int resultId = session.detector().newResult(meta.selectOrigin());
        // materialize adds to it only objects with hooks
        List<Object> fresh = meta.hasLifecycle() ? new ArrayList<>(1) : List.of();
        boolean mapWasEmpty = session.map().size() == 0;
        List<Object> out = session.readConnection().query(template, key)
                .mapValues(values -> materialize(meta, values, resultId, Map.of(), fresh, mapWasEmpty));
        if (!meta.isRecord() && meta.hasRelationships()) {
            session.relationshipLoader().applyPlan(meta, new ArrayList<>(out), Map.of());
        }
        afterLoad(fresh);
        return out.isEmpty() ? null : out.get(0);
    }

    /**
     * The objects of a {@link ModelQuery#stream()}: read as they come through a cursor (a fetch size
     * of {@link dev.ashlar.core.engine.Connection#DEFAULT_FETCH_SIZE} rows, whatever the driver's
     * default), neither identity-mapped nor tracked. The stream runs in the session's transaction,
     * which PostgreSQL needs for a cursor and which keeps writes during the stream possible.
     */
    @SuppressWarnings("unchecked")
    <T> Stream<T> stream(ModelMeta meta, Select select) {
        session.checkOpen("stream");
        session.autoflush();
        int[] positions = meta.positionsIn(select.columns());
        if (positions == null || !ModelMeta.isIdentity(positions, select.columns().size())) {
            return session.connection().cursor(select).stream().map(row -> {
                Object model = meta.mapping().read(row);
                Hooks.fire(Event.AFTER_LOAD, model);
                return (T) model;
            });
        }
        // the select is the model's columns in binding order: values go from the row straight into the fields
        return session.connection().cursor(select).streamValues(values -> {
            Object model = meta.mapping().fromValues(values);
            Hooks.fire(Event.AFTER_LOAD, model);
            return (T) model;
        });
    }

    /**
     * One result of objects of {@code target} read by the given statements (a lazy load, or the
     * chunks of a select-in load), described by {@code origin} for N+1 messages.
     */
    List<Object> load(ModelMeta target, List<Select> selects, String origin, Map<String, Fetch> plan) {
        session.autoflush();
        int resultId = session.detector().newResult(origin);
        List<Object> fresh = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Select select : selects) {
            out.addAll(readRows(target, select, resultId, plan, fresh));
        }
        afterLoad(fresh);
        return out;
    }

    private List<Object> readRows(ModelMeta meta, Select select, int resultId, Map<String, Fetch> plan, List<Object> fresh) {
        int[] positions = meta.positionsIn(select.columns());
        if (positions == null) {
            List<Row> rows = session.readConnection().query(select).list();
            List<Object> out = new ArrayList<>(rows.size());
            for (Row row : rows) {
                out.add(materialize(meta, b -> row.get(b.column()), resultId, plan, fresh));
            }
            return out;
        }
        boolean direct = ModelMeta.isIdentity(positions, select.columns().size());
        boolean mapWasEmpty = session.map().size() == 0;
        // Values go from the result set into an array and from it into the object: no Row, no lookup per value.
        return session.readConnection().query(select).mapValues(values -> {
            Object[] bound = direct ? values : pick(values, positions);
            return materialize(meta, bound, resultId, plan, fresh, mapWasEmpty);
        });
    }

    private static Object[] pick(Object[] values, int[] positions) {
        Object[] bound = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            bound[i] = values[positions[i]];
        }
        return bound;
    }

    /**
     * The session's object for one row's mapped values in binding order: the one in the identity
     * map (then no object is made), or a new one whose snapshot is the values array itself.
     * {@code mapWasEmpty}: the session held no object when the read began, so only a repeated row of
     * this same result can already be in the map. While the keys come in increasing order, none can
     * repeat, and the object is only appended to the tracking order (its key table is filled when
     * first asked, see {@link IdentityMap#appendLoaded}); otherwise it is registered with one hash
     * operation that also finds such a repeat, instead of a lookup followed by an insert.
     */
    private Object materialize(ModelMeta meta, Object[] values, int resultId, Map<String, Fetch> plan, List<Object> fresh,
                               boolean mapWasEmpty) {
        if (meta.isRecord()) {
            Object model = meta.mapping().fromValues(values);
            if (meta.hasLifecycle()) {
                fresh.add(model);
            }
            return model;
        }
        IdentityMap map = session.map();
        Object key = meta.keyValueOfValues(values);
        if (key != null && !mapWasEmpty) {
            Object existing = map.find(meta.type(), key);
            if (existing != null) {
                return existing;
            }
        }
        Object model = meta.mapping().fromValues(values);
        Object[] snapshot = meta.snapshotOfValues(values);
        // tracked without a state until the session asks for one, when its key is known to be new; else with one now
        if (key == null || !mapWasEmpty || !map.appendLoaded(meta, model, snapshot, key, resultId, plan)) {
            ObjectState s = new ObjectState(model, meta, Status.PERSISTENT);
            s.keyValue = key;
            s.snapshot = snapshot;
            s.resultId = resultId;
            s.plan = plan;
            if (key != null) {
                Object repeated = map.registerIfAbsent(s);
                if (repeated != null) {
                    return repeated; // the row came twice in this result: the first one's object stands
                }
            }
            map.track(s);
        }
        if (meta.hasRelationships()) {
            session.relationships().installHolders(model, meta, true);
        }
        // only objects with hooks are collected for afterLoad: a list entry per row costs more than the test
        if (meta.hasLifecycle()) {
            fresh.add(model);
        }
        return model;
    }

    /**
     * The session's object for the values of one row (given per binding, since joined tables are read
     * through aliases): the one in the identity map, or a new one, added to {@code fresh}.
     */
    Object materialize(ModelMeta meta, Function<FieldMapping, Object> values, int resultId, Map<String, Fetch> plan, List<Object> fresh) {
        Object model = meta.mapping().read(values);
        if (meta.isRecord()) {
            fresh.add(model);
            return model;
        }
        IdentityMap map = session.map();
        Object key = meta.keyValueOf(model);
        Object existing = key == null ? null : map.find(meta.type(), key);
        if (existing != null) {
            return existing;
        }
        ObjectState s = new ObjectState(model, meta, Status.PERSISTENT);
        s.keyValue = key;
        s.snapshot = meta.snapshot(model);
        s.resultId = resultId;
        s.plan = plan;
        map.register(s);
        map.track(s);
        session.relationships().installHolders(model, meta, true);
        fresh.add(model);
        return model;
    }

    private static void afterLoad(List<Object> fresh) {
        Hooks.fireAll(Event.AFTER_LOAD, fresh);
    }
}
