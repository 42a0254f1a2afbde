package dev.ashlar.orm;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.sql.Update;
import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import dev.ashlar.orm.EntityState.Status;
import dev.ashlar.orm.internal.EntityKey;
import dev.ashlar.orm.internal.EntityMeta;
import dev.ashlar.orm.internal.Metamodel;
import dev.ashlar.orm.internal.RelationKind;
import dev.ashlar.orm.internal.RelationshipMeta;
import dev.ashlar.orm.internal.SchemaRules;
import dev.ashlar.orm.internal.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work over declarative models, in the spirit of SQLAlchemy's session: it loads objects
 * (one object per row, through an identity map), tracks their changes, and on {@link #flush()} or
 * {@link #commit()} writes them with the statements ordered by foreign keys and batched. Not
 * thread-safe: one session per unit of work, closed when done.
 *
 * <pre>{@code
 * try (Session session = Session.open(engine)) {
 *     Supplier acme = new Supplier("Acme");
 *     Item widget = new Item("Widget", new BigDecimal("9.99"));
 *     widget.supplier.set(acme);
 *     session.add(widget);           // acme is saved too (cascade)
 *     session.commit();              // INSERT supplier, INSERT item, COMMIT
 *     List<Item> cheap = session.select(Item.class).where(price.lt(TEN)).list();
 * }
 * }</pre>
 *
 * The session holds one pooled connection, in a transaction begun on first use, from then until
 * {@link #commit()}, {@link #rollback()} or {@link #close()}.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** Keys per IN list: large enough that select-in loading stays one statement for realistic results. */
    static final int IN_CHUNK = 5000;

    private final Engine engine;
    private final SessionOptions options;
    private final Metamodel metamodel;
    private Connection connection;
    private Transaction transaction;
    private boolean closed;
    private boolean flushing;

    private final Map<EntityKey, Object> identity = new HashMap<>();
    private final Map<Object, EntityState> states = new IdentityHashMap<>();
    private final List<EntityState> order = new ArrayList<>();

    private long statementCount;
    private final List<String> statementLog = new ArrayList<>();

    private long resultSeq;
    private final Map<Long, String> resultOrigins = new HashMap<>();
    private final Map<String, Integer> lazyLoads = new HashMap<>();

    // what the open transaction wrote, to put memory back on rollback
    private final Map<Object, Object[]> txSnapshots = new IdentityHashMap<>();
    private final List<EntityState> insertedInTx = new ArrayList<>();
    private final List<EntityState> deletedInTx = new ArrayList<>();

    private Session(Engine engine, SessionOptions options) {
        this.engine = engine;
        this.options = options;
        this.metamodel = Metamodel.of(options.registry());
    }

    /** A session over {@code engine} with {@link SessionOptions#defaults()}. */
    public static Session open(Engine engine) {
        return new Session(engine, SessionOptions.defaults());
    }

    /** A session over {@code engine}. */
    public static Session open(Engine engine, SessionOptions options) {
        return new Session(engine, options);
    }

    /** The options this session was opened with. */
    public SessionOptions options() {
        return options;
    }

    // ---- statements and transaction -------------------------------------------------------

    /** The session's connection, in its transaction (begun now if needed), for statements of your own. */
    public Connection connection() {
        checkOpen("use the connection");
        if (connection == null) {
            connection = engine.connect();
            connection.statementListener((sql, batch) -> {
                statementCount++;
                statementLog.add(batch > 1 ? sql + "  -- batch of " + batch : sql);
            });
            transaction = connection.begin();
        }
        return connection;
    }

    /**
     * How many statements this session has sent so far (a JDBC batch counts once, as one round
     * trip). Tests take the difference around a block: {@code long before = session.statementCount()}.
     */
    public long statementCount() {
        return statementCount;
    }

    /** The SQL of every statement this session has sent, in order. */
    public List<String> statements() {
        return List.copyOf(statementLog);
    }

    /** Flushes, then commits the transaction and returns the connection to the pool. Objects stay in the session. */
    public void commit() {
        checkOpen("commit");
        flush();
        if (transaction != null) {
            try {
                transaction.commit();
            } finally {
                endConnection();
            }
        }
        txSnapshots.clear();
        insertedInTx.clear();
        deletedInTx.clear();
    }

    /**
     * Rolls the transaction back and puts memory back in line with the database: objects inserted in
     * it and pending objects leave the session, changed objects get their committed values back,
     * deleted ones return.
     */
    public void rollback() {
        checkOpen("rollback");
        if (transaction != null) {
            try {
                transaction.rollback();
            } finally {
                endConnection();
            }
        }
        for (EntityState s : insertedInTx) {
            forget(s);
        }
        for (EntityState s : deletedInTx) {
            s.status = Status.PERSISTENT;
            track(s);
            identity.put(s.key, s.object);
        }
        for (EntityState s : List.copyOf(order)) {
            if (s.status == Status.PENDING) {
                forget(s);
                continue;
            }
            Object[] committed = txSnapshots.getOrDefault(s.object, s.snapshot);
            restore(s, committed);
            s.status = Status.PERSISTENT;
        }
        txSnapshots.clear();
        insertedInTx.clear();
        deletedInTx.clear();
    }

    private void restore(EntityState s, Object[] values) {
        List<Binding> bs = s.meta.mapping().bindings();
        Map<Binding, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < bs.size(); i++) {
            changes.put(bs.get(i), values[i]);
        }
        s.meta.mapping().with(s.object, changes);
        s.snapshot = values.clone();
        s.key = s.meta.keyOf(s.object);
        installHolders(s, true);
    }

    private void endConnection() {
        transaction = null;
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.statementListener(null);
            c.close();
        }
    }

    /** Rolls back what was not committed and closes; objects stay usable but detached. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (transaction != null) {
                transaction.rollback();
            }
        } finally {
            endConnection();
            closed = true;
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new SessionClosedException(operation);
        }
    }

    // ---- adding, removing -------------------------------------------------------------------

    /** Adds a new object (inserted on flush) together with what its relationships reach (cascade save). */
    public void add(Object model) {
        checkOpen("add");
        EntityMeta meta = mutableMeta(model, "add");
        EntityState s = states.get(model);
        if (s != null) {
            if (s.status == Status.DELETED) {
                s.status = Status.PERSISTENT;
            }
            return;
        }
        s = new EntityState(model, meta, Status.PENDING);
        track(s);
        installHolders(s, false);
        cascadeSave(s);
    }

    /** Adds each object, as {@link #add}. */
    public void addAll(Collection<?> models) {
        checkOpen("addAll");
        for (Object m : models) {
            add(m);
        }
    }

    /**
     * Marks an object for deletion on flush; relationships with {@code Cascade.DELETE} delete their
     * objects too. Deleting a pending object just forgets it. A record is deleted at once.
     */
    public void delete(Object model) {
        checkOpen("delete");
        EntityMeta meta = metamodel.entity(model.getClass());
        if (meta.isRecord()) {
            deleteRecord(meta, model);
            return;
        }
        EntityState s = states.get(model);
        if (s == null) {
            throw new IllegalArgumentException(meta.describe(model) + " is not in this session; get or merge it first");
        }
        if (s.status == Status.PENDING) {
            forget(s);
            return;
        }
        if (s.status == Status.DELETED) {
            return;
        }
        s.status = Status.DELETED;
        for (RelationshipMeta rel : meta.relationships()) {
            if (rel.cascades(Cascade.DELETE)) {
                for (Object child : related(s, rel, true)) {
                    EntityState cs = states.get(child);
                    if (cs != null && cs.status != Status.DELETED) {
                        delete(child);
                    }
                }
            }
        }
    }

    /** Removes an object from the session without touching the database; its changes are forgotten. */
    public void expunge(Object model) {
        checkOpen("expunge");
        EntityState s = states.get(model);
        if (s != null) {
            forget(s);
        }
    }

    /** Removes every object from the session without touching the database. */
    public void clear() {
        checkOpen("clear");
        identity.clear();
        states.clear();
        order.clear();
    }

    /** Whether the object is in this session (pending, loaded or marked for deletion). */
    public boolean contains(Object model) {
        return states.containsKey(model);
    }

    /**
     * The session's object for the row {@code model} stands for, with {@code model}'s mapped values
     * copied onto it: the object already in the session, else the row loaded. When there is no such
     * row, {@code model} itself is added as a new object and returned.
     */
    @SuppressWarnings("unchecked")
    public <T> T merge(T model) {
        checkOpen("merge");
        EntityMeta meta = mutableMeta(model, "merge");
        if (states.containsKey(model)) {
            return model;
        }
        EntityKey key = meta.keyOf(model);
        Object target = key == null ? null : get((Class<T>) model.getClass(), key.values().toArray());
        if (target == null) {
            add(model);
            return model;
        }
        Map<Binding, Object> values = new LinkedHashMap<>();
        for (Binding b : meta.mapping().bindings()) {
            values.put(b, meta.get(model, b));
        }
        meta.mapping().with(target, values);
        return (T) target;
    }

    /** Reloads the object's mapped values from the database, dropping unflushed changes; relationships reload on access. */
    public void refresh(Object model) {
        checkOpen("refresh");
        EntityState s = states.get(model);
        if (s == null || s.status == Status.PENDING) {
            throw new IllegalArgumentException(metamodel.entity(model.getClass()).describe(model)
                    + " is not a persistent object of this session, so it cannot be refreshed");
        }
        Select select = s.meta.info().select().where(keyCondition(s.meta, s.key.values()));
        Row row = connection().query(select).first();
        if (row == null) {
            forget(s);
            throw new dev.ashlar.core.error.NoResultException(s.meta.describe(model) + " no longer exists in the database");
        }
        Object fresh = s.meta.mapping().read(row);
        restore(s, s.meta.snapshot(fresh));
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * The object with this primary key (several values for a composite key), from the identity map
     * when it is there, else loaded; {@code null} when there is no such row.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Class<T> type, Object... key) {
        checkOpen("get");
        EntityMeta meta = metamodel.entity(type);
        EntityKey k = meta.keyFromValues(key);
        if (!meta.isRecord()) {
            Object existing = identity.get(k);
            if (existing != null) {
                EntityState s = states.get(existing);
                return s != null && s.status == Status.DELETED ? null : (T) existing;
            }
        }
        List<T> found = select(type).where(keyCondition(meta, k.values())).list();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A query for objects of {@code type}: add conditions, order and loading options, then list/first/one/stream. */
    public <T> ModelQuery<T> select(Class<T> type) {
        checkOpen("select");
        return new ModelQuery<>(this, metamodel.entity(type));
    }

    @SuppressWarnings("unchecked")
    <T> List<T> runQuery(EntityMeta meta, List<Condition> conditions, List<SortOrder> sort, Long limit, Long offset,
                         Map<String, Fetch> plan) {
        checkOpen("query");
        autoflush();
        long resultId = ++resultSeq;
        resultOrigins.put(resultId, "session.select(" + meta.name() + ".class)");
        JoinPlan joins = JoinPlan.of(metamodel, meta, plan);
        List<Object> fresh = new ArrayList<>();
        List<T> out;
        if (joins.isEmpty()) {
            Select select = meta.info().select();
            conditions.forEach(select::where);
            if (!sort.isEmpty()) {
                select.orderBy(sort.toArray(new SortOrder[0]));
            }
            if (limit != null) {
                select.limit(limit);
            }
            if (offset != null) {
                select.offset(offset);
            }
            List<Row> rows = connection().query(select).list();
            out = new ArrayList<>(rows.size());
            for (Row row : rows) {
                out.add((T) materialize(meta, b -> row.get(b.column()), resultId, plan, fresh));
            }
        } else {
            List<Row> rows = connection().query(joins.select(conditions, sort, limit, offset)).list();
            out = (List<T>) joins.read(this, rows, resultId, plan, fresh);
        }
        if (!meta.isRecord()) {
            applyPlan(meta, new ArrayList<>(out), plan);
        }
        afterLoad(fresh);
        return out;
    }

    @SuppressWarnings("unchecked")
    <T> Stream<T> streamQuery(EntityMeta meta, Select select) {
        checkOpen("stream");
        autoflush();
        return connection().query(select).stream().map(row -> {
            Object model = meta.mapping().read(row);
            if (model instanceof Lifecycle l) {
                l.afterLoad();
            }
            return (T) model;
        });
    }

    private void autoflush() {
        if (options.autoflush() && !flushing && hasChanges()) {
            flush();
        }
    }

    private boolean hasChanges() {
        for (EntityState s : order) {
            if (s.status != Status.PERSISTENT) {
                return true;
            }
        }
        // persistent objects may be dirty; the flush finds out cheaply
        return !order.isEmpty();
    }

    /**
     * The session's object for the values of one row (given per binding, since joined tables are read
     * through aliases): the one in the identity map, or a new one.
     */
    Object materialize(EntityMeta meta, Function<Binding, Object> values, long resultId, Map<String, Fetch> plan, List<Object> fresh) {
        Object model = meta.mapping().read(values);
        if (meta.isRecord()) {
            fresh.add(model);
            return model;
        }
        EntityKey key = meta.keyOf(model);
        Object existing = identity.get(key);
        if (existing != null) {
            return existing;
        }
        EntityState s = new EntityState(model, meta, Status.PERSISTENT);
        s.key = key;
        s.snapshot = meta.snapshot(model);
        s.resultId = resultId;
        s.plan = plan;
        identity.put(key, model);
        track(s);
        installHolders(s, true);
        fresh.add(model);
        return model;
    }

    private static void afterLoad(List<Object> fresh) {
        for (Object o : fresh) {
            if (o instanceof Lifecycle l) {
                l.afterLoad();
            }
        }
    }

    private Condition keyCondition(EntityMeta meta, List<Object> values) {
        Condition c = null;
        for (int i = 0; i < meta.key().size(); i++) {
            Condition part = meta.key().get(i).column().eq(values.get(i));
            c = c == null ? part : c.and(part);
        }
        return c;
    }

    // ---- relationships -------------------------------------------------------------------------

    /** Puts the session's holders into the relationship fields of a tracked object. */
    private void installHolders(EntityState s, boolean fromDatabase) {
        for (RelationshipMeta rel : s.meta.relationships()) {
            Object value = rel.read(s.object);
            if (rel.kind().isCollection()) {
                if (value instanceof RelatedList<?> rl && rl.session == this && rl.owner == s.object && !fromDatabase) {
                    continue;
                }
                RelatedList<Object> list = new RelatedList<>(this, s.object, rel, !fromDatabase);
                rel.write(s.object, list);
                if (!fromDatabase && value instanceof Collection<?> items) {
                    for (Object item : List.copyOf(items)) {
                        list.add(item);
                    }
                }
            } else {
                Ref<?> ref = value instanceof Ref<?> r ? r : new Ref<>();
                if (ref != value) {
                    rel.write(s.object, ref);
                }
                RefHooks hooks = new RefHooks(s.object, rel);
                if (fromDatabase) {
                    boolean knownEmpty = rel.kind() == RelationKind.TO_ONE_FK && s.meta.get(s.object, rel.ownerKey()) == null;
                    ref.install(hooks, knownEmpty, null);
                } else {
                    boolean wasAssigned = ref.assigned();
                    Object current = ref.peek();
                    ref.install(hooks, true, current);
                    if (wasAssigned) {
                        ref.keepAssigned();
                    }
                    if (current != null) {
                        hooks.changed(ref, null, current);
                    }
                }
            }
        }
    }

    /** The hooks the session installs in {@code owner}'s reference {@code rel}. */
    Ref.Hooks refHooks(Object owner, RelationshipMeta rel) {
        return new RefHooks(owner, rel);
    }

    /** The hooks of one managed reference. */
    private final class RefHooks implements Ref.Hooks {
        private final Object owner;
        private final RelationshipMeta rel;

        RefHooks(Object owner, RelationshipMeta rel) {
            this.owner = owner;
            this.rel = rel;
        }

        @Override
        public Object load(Ref<?> ref) {
            return loadReference(owner, rel);
        }

        @Override
        public void changed(Ref<?> ref, Object oldValue, Object newValue) {
            RelationshipMeta inverse = rel.inverse();
            if (inverse == null) {
                return;
            }
            if (inverse.kind() == RelationKind.TO_MANY) {
                if (oldValue != null && inverse.read(oldValue) instanceof RelatedList<?> old) {
                    old.removeQuietly(owner);
                }
                if (newValue != null) {
                    Object list = inverse.read(newValue);
                    if (list instanceof RelatedList<?> rl) {
                        rl.addQuietly(owner);
                    } else if (list instanceof List<?> plain && !containsIdentity(plain, owner)) {
                        @SuppressWarnings("unchecked")
                        List<Object> l = (List<Object>) plain;
                        l.add(owner);
                    }
                }
            } else if (inverse.kind() == RelationKind.TO_ONE_INVERSE || inverse.kind() == RelationKind.TO_ONE_FK) {
                if (newValue != null && inverse.read(newValue) instanceof Ref<?> back) {
                    back.setQuietly(owner);
                }
            }
        }
    }

    private static boolean containsIdentity(Collection<?> items, Object o) {
        for (Object x : items) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    void collectionAdded(RelatedList<?> list, Object child) {
        RelationshipMeta inverse = list.rel.inverse();
        if (inverse != null && list.rel.kind() == RelationKind.TO_MANY) {
            Object current = inverse.read(child);
            Ref<?> ref = current instanceof Ref<?> r ? r : null;
            if (ref == null) {
                ref = new Ref<>();
                inverse.write(child, ref);
            }
            Object previous = ref.isLoaded() ? ref.peek() : null;
            if (previous != null && previous != list.owner) {
                Object otherList = list.rel.read(previous);
                if (otherList instanceof RelatedList<?> rl) {
                    rl.removeQuietly(child);
                }
            }
            ref.setQuietly(list.owner);
        }
        EntityState owner = states.get(list.owner);
        if (owner != null && list.rel.cascades(Cascade.SAVE) && !states.containsKey(child) && !closed) {
            add(child);
        }
    }

    void collectionRemoved(RelatedList<?> list, Object child) {
        RelationshipMeta inverse = list.rel.inverse();
        if (inverse != null && list.rel.kind() == RelationKind.TO_MANY && inverse.read(child) instanceof Ref<?> ref
                && ref.isLoaded() && ref.peek() == list.owner) {
            ref.setQuietly(null);
        }
    }

    /** The related objects currently reachable without loading, or loaded when {@code load}. */
    private List<Object> related(EntityState s, RelationshipMeta rel, boolean load) {
        Object value = rel.read(s.object);
        List<Object> out = new ArrayList<>();
        if (value instanceof RelatedList<?> list) {
            if (list.isLoaded() || load) {
                out.addAll(load ? list : list.peek());
            }
        } else if (value instanceof Ref<?> ref) {
            Object target = ref.isLoaded() ? ref.peek() : load ? ref.get() : null;
            if (target != null) {
                out.add(target);
            }
        }
        return out;
    }

    private void cascadeSave(EntityState start) {
        ArrayList<EntityState> work = new ArrayList<>(List.of(start));
        while (!work.isEmpty()) {
            EntityState s = work.remove(work.size() - 1);
            for (RelationshipMeta rel : s.meta.relationships()) {
                if (!rel.cascades(Cascade.SAVE)) {
                    continue;
                }
                for (Object o : related(s, rel, false)) {
                    if (!states.containsKey(o)) {
                        EntityState child = new EntityState(o, metamodel.entity(o.getClass()), Status.PENDING);
                        track(child);
                        installHolders(child, false);
                        work.add(child);
                    }
                }
            }
        }
    }

    private Object loadReference(Object owner, RelationshipMeta rel) {
        EntityState s = checkLoadable(owner, rel);
        if (rel.kind() == RelationKind.TO_ONE_FK) {
            Object fk = s.meta.get(owner, rel.ownerKey());
            if (fk == null) {
                return null;
            }
            EntityMeta target = metamodel.entity(rel.target());
            Object known = identity.get(target.keyFromValues(fk));
            if (known != null) {
                return known;
            }
            countLazyLoad(s, rel);
            List<Object> found = runLazy(target, target.info().select().where(rel.targetKey().column().eq(fk)), rel);
            return found.isEmpty() ? null : found.get(0);
        }
        countLazyLoad(s, rel);
        EntityMeta target = metamodel.entity(rel.target());
        Object pk = s.meta.get(owner, rel.ownerKey());
        List<Object> found = runLazy(target, target.info().select().where(rel.targetKey().column().eq(pk)), rel);
        Object value = found.isEmpty() ? null : found.get(0);
        if (value != null && rel.inverse() != null && rel.inverse().read(value) instanceof Ref<?> back) {
            back.setQuietly(owner);
        }
        return value;
    }

    List<?> loadCollection(Object owner, RelationshipMeta rel) {
        EntityState s = checkLoadable(owner, rel);
        countLazyLoad(s, rel);
        Map<Object, List<Object>> byOwner = loadCollections(s.meta, List.of(owner), rel, null);
        List<Object> items = byOwner.getOrDefault(s.meta.get(owner, rel.ownerKey()), List.of());
        return items;
    }

    private List<Object> runLazy(EntityMeta target, Select select, RelationshipMeta rel) {
        autoflush();
        long resultId = ++resultSeq;
        resultOrigins.put(resultId, "the lazy load of " + rel.path());
        List<Object> fresh = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Row row : connection().query(select).list()) {
            out.add(materialize(target, b -> row.get(b.column()), resultId, Map.of(), fresh));
        }
        afterLoad(fresh);
        return out;
    }

    private EntityState checkLoadable(Object owner, RelationshipMeta rel) {
        EntityState s = states.get(owner);
        String option = loadOption(rel);
        if (closed) {
            throw new UnloadedRelationshipException(rel.path(), rel.path() + " of " + metamodel.entity(rel.owner()).describe(owner)
                    + " is not loaded and the session that loaded it is closed. Load it while the session is open: add "
                    + option + " to the query, or access it before closing the session");
        }
        if (s == null) {
            throw new UnloadedRelationshipException(rel.path(), rel.path() + " of " + metamodel.entity(rel.owner()).describe(owner)
                    + " is not loaded and the object is not in the session (expunged or from another session); merge it first");
        }
        if (s.fetch(rel) == Fetch.RAISE) {
            throw new UnloadedRelationshipException(rel.path(), rel.path() + " of " + s.meta.describe(owner)
                    + " is not loaded and its loading is raise; load it with the query: " + option);
        }
        return s;
    }

    /**
     * The loading option that would have loaded {@code rel} with its query, in the typed form first
     * (compile-checked, from the generated metamodel) and the string form for models without one.
     */
    private static String loadOption(RelationshipMeta rel) {
        Load load = Load.selectIn(rel.owner(), rel.name());
        return ".options(" + load.typedCode() + ") (or .options(" + load.code() + ") without the generated metamodel)";
    }

    private void countLazyLoad(EntityState s, RelationshipMeta rel) {
        String key = s.resultId + " " + rel.path();
        int count = lazyLoads.merge(key, 1, Integer::sum);
        if (count != options.nPlusOneThreshold()) {
            return;
        }
        String message = "N+1 queries: " + rel.path() + " was lazily loaded one " + s.meta.name() + " at a time, " + count
                + " times for objects of one result (" + resultOrigins.getOrDefault(s.resultId, "a query")
                + "). Load it for the whole result with " + loadOption(rel)
                + ", or declare it with fetch = Fetch.SELECT_IN";
        if (options.strictMode()) {
            throw new NPlusOneException(rel.path(), message);
        }
        LOG.warn(message);
    }

    /** Loads the relationship for all owners at once and applies the plan onward. */
    private void applyPlan(EntityMeta meta, List<Object> owners, Map<String, Fetch> plan) {
        applyPlan(meta, owners, plan, new java.util.HashSet<>());
    }

    /**
     * Loads select-in relationships of {@code owners} and walks on through joined ones. A joined
     * relationship that the join did not fill (objects reached by a select-in or lazy load) is
     * loaded select-in: one statement more rather than one per object. {@code walked} holds the
     * joined relationships already walked through, since joined relationships may form a cycle.
     */
    private void applyPlan(EntityMeta meta, List<Object> owners, Map<String, Fetch> plan, Set<RelationshipMeta> walked) {
        if (owners.isEmpty()) {
            return;
        }
        for (RelationshipMeta rel : meta.relationships()) {
            Fetch fetch = plan.getOrDefault(rel.path(), rel.fetch());
            if (fetch != Fetch.SELECT_IN && fetch != Fetch.JOINED) {
                continue;
            }
            List<Object> needing = new ArrayList<>();
            Set<Object> reached = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object o : owners) {
                Object holder = rel.read(o);
                boolean loaded = holder instanceof RelatedList<?> rl ? rl.isLoaded() : holder instanceof Ref<?> r && r.isLoaded();
                if (!loaded) {
                    needing.add(o);
                } else if (fetch == Fetch.JOINED) {
                    reached.addAll(holder instanceof RelatedList<?> rl ? rl.peek() : java.util.Collections.singleton(((Ref<?>) holder).peek()));
                }
            }
            reached.remove(null);
            if (!needing.isEmpty()) {
                List<Object> related = selectIn(meta, needing, rel, plan);
                applyPlan(metamodel.entity(rel.target()), related, plan, walked);
            }
            if (!reached.isEmpty() && walked.add(rel)) {
                applyPlan(metamodel.entity(rel.target()), new ArrayList<>(reached), plan, walked);
            }
        }
    }

    /** One query (per chunk of keys) loading {@code rel} for every owner; returns the related objects. */
    private List<Object> selectIn(EntityMeta meta, List<Object> owners, RelationshipMeta rel, Map<String, Fetch> plan) {
        EntityMeta target = metamodel.entity(rel.target());
        Set<Object> related = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (rel.kind() == RelationKind.TO_ONE_FK) {
            Set<Object> missing = new LinkedHashSet<>();
            for (Object o : owners) {
                Object fk = meta.get(o, rel.ownerKey());
                if (fk != null && !identity.containsKey(target.keyFromValues(fk))) {
                    missing.add(fk);
                }
            }
            loadByKeys(target, rel.targetKey(), missing, plan, rel);
            for (Object o : owners) {
                Object fk = meta.get(o, rel.ownerKey());
                Object value = fk == null ? null : identity.get(target.keyFromValues(fk));
                ((Ref<?>) rel.read(o)).install(new RefHooks(o, rel), true, value);
                if (value != null) {
                    related.add(value);
                }
            }
            return new ArrayList<>(related);
        }
        Map<Object, List<Object>> byOwner = loadCollections(meta, owners, rel, plan);
        for (Object o : owners) {
            List<Object> items = byOwner.getOrDefault(meta.get(o, rel.ownerKey()), List.of());
            Object holder = rel.read(o);
            if (holder instanceof RelatedList<?> list) {
                list.fill(items);
            } else if (holder instanceof Ref<?> ref) {
                ref.install(new RefHooks(o, rel), true, items.isEmpty() ? null : items.get(0));
            }
            related.addAll(items);
        }
        return new ArrayList<>(related);
    }

    /** Loads objects of {@code target} whose {@code key} is one of {@code values}, in chunks. */
    private List<Object> loadByKeys(EntityMeta target, Binding key, Collection<Object> values, Map<String, Fetch> plan,
                                    RelationshipMeta rel) {
        List<Object> out = new ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        autoflush();
        long resultId = ++resultSeq;
        resultOrigins.put(resultId, "the select-in load of " + rel.path());
        List<Object> fresh = new ArrayList<>();
        List<Object> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<Object> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            Select select = target.info().select().where(key.column().in(chunk)).orderBy(target.key().get(0).column().asc());
            for (Row row : connection().query(select).list()) {
                out.add(materialize(target, b -> row.get(b.column()), resultId, plan == null ? Map.of() : plan, fresh));
            }
        }
        afterLoad(fresh);
        return out;
    }

    /** The related objects of a collection (or inverse to-one) for each owner key. */
    private Map<Object, List<Object>> loadCollections(EntityMeta meta, List<Object> owners, RelationshipMeta rel,
                                                      Map<String, Fetch> plan) {
        EntityMeta target = metamodel.entity(rel.target());
        Set<Object> keys = new LinkedHashSet<>();
        for (Object o : owners) {
            Object k = meta.get(o, rel.ownerKey());
            if (k != null) {
                keys.add(k);
            }
        }
        Map<Object, List<Object>> byOwner = new HashMap<>();
        if (rel.kind() == RelationKind.MANY_TO_MANY) {
            EntityMeta through = metamodel.entity(rel.through());
            Map<Object, List<Object>> targetKeys = new HashMap<>();
            Set<Object> wanted = new LinkedHashSet<>();
            for (List<Object> chunk : chunks(keys)) {
                Select select = through.info().select().where(rel.throughOwnerKey().column().in(chunk));
                for (Row row : connection().query(select).list()) {
                    Object ownerKey = row.get(rel.throughOwnerKey().column());
                    Object targetKey = row.get(rel.throughTargetKey().column());
                    targetKeys.computeIfAbsent(ownerKey, k -> new ArrayList<>()).add(targetKey);
                    if (!identity.containsKey(target.keyFromValues(targetKey))) {
                        wanted.add(targetKey);
                    }
                }
            }
            loadByKeys(target, rel.targetKey(), wanted, plan, rel);
            targetKeys.forEach((ownerKey, tks) -> {
                List<Object> items = new ArrayList<>();
                for (Object tk : tks) {
                    Object t = identity.get(target.keyFromValues(tk));
                    if (t != null) {
                        items.add(t);
                    }
                }
                byOwner.put(ownerKey, items);
            });
            return byOwner;
        }
        List<Object> items = loadByKeys(target, rel.targetKey(), keys, plan, rel);
        RelationshipMeta inverse = rel.inverse();
        for (Object item : items) {
            Object ownerKey = target.get(item, rel.targetKey());
            byOwner.computeIfAbsent(ownerKey, k -> new ArrayList<>()).add(item);
        }
        if (inverse != null && inverse.kind() == RelationKind.TO_ONE_FK) {
            Map<Object, Object> ownerByKey = new HashMap<>();
            for (Object o : owners) {
                ownerByKey.put(meta.get(o, rel.ownerKey()), o);
            }
            for (Object item : items) {
                Object owner = ownerByKey.get(target.get(item, rel.targetKey()));
                if (owner != null && inverse.read(item) instanceof Ref<?> back && !back.isLoaded()) {
                    back.install(new RefHooks(item, inverse), true, owner);
                }
            }
        }
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

    // ---- records --------------------------------------------------------------------------------

    /**
     * Inserts a record (an immutable model) now and returns a new record with the values the
     * database generated (key, defaults, version) filled in.
     */
    @SuppressWarnings("unchecked")
    public <T extends Record> T insert(T record) {
        checkOpen("insert");
        EntityMeta meta = metamodel.entity(record.getClass());
        Object model = record;
        if (meta.version() != null && meta.get(model, meta.version()) == null) {
            model = meta.mapping().with(model, Map.of(meta.version(), Values.nextVersion(null, meta.version().column().type().javaType())));
        }
        if (model instanceof Lifecycle l) {
            l.beforeInsert();
        }
        validate(List.of(new Pending(meta, model, true, Set.of())));
        autoflush();
        Object inserted = ((dev.ashlar.declarative.ModelInfo<Object>) meta.info()).insert(connection(), model);
        if (inserted instanceof Lifecycle l) {
            l.afterInsert();
        }
        return (T) inserted;
    }

    /**
     * Updates a record's row from all its values now and returns it; with a {@code @Version} field
     * the update checks the version and returns a record with the next one.
     *
     * @throws StaleObjectException when the row's version moved on (or the row is gone)
     */
    @SuppressWarnings("unchecked")
    public <T extends Record> T update(T record) {
        checkOpen("update");
        EntityMeta meta = metamodel.entity(record.getClass());
        if (record instanceof Lifecycle l) {
            l.beforeUpdate();
        }
        validate(List.of(new Pending(meta, record, false, Set.of())));
        autoflush();
        Update update = Sql.update(meta.table());
        Object result = record;
        for (Binding b : meta.mapping().bindings()) {
            if (!b.column().isPrimaryKey() && b != meta.version()) {
                update.set(b.column(), meta.get(record, b));
            }
        }
        List<Object> key = new ArrayList<>();
        for (Binding b : meta.key()) {
            key.add(meta.get(record, b));
        }
        update.where(keyCondition(meta, key));
        Object version = null;
        if (meta.version() != null) {
            version = meta.get(record, meta.version());
            Object next = Values.nextVersion(version, meta.version().column().type().javaType());
            update.set(meta.version().column(), next);
            update.where(meta.version().column().eq(version));
            result = meta.mapping().with(record, Map.of(meta.version(), next));
        }
        int count = connection().execute(update);
        if (count == 0) {
            throw new StaleObjectException(meta.type(), meta.describe(record), version,
                    connection().dialect().compile(update).sql());
        }
        if (result instanceof Lifecycle l) {
            l.afterUpdate();
        }
        return (T) result;
    }

    private void deleteRecord(EntityMeta meta, Object record) {
        if (record instanceof Lifecycle l) {
            l.beforeDelete();
        }
        autoflush();
        List<Object> key = new ArrayList<>();
        for (Binding b : meta.key()) {
            key.add(meta.get(record, b));
        }
        Delete delete = Sql.deleteFrom(meta.table()).where(keyCondition(meta, key));
        if (meta.version() != null) {
            delete.where(meta.version().column().eq(meta.get(record, meta.version())));
        }
        if (connection().execute(delete) == 0 && meta.version() != null) {
            throw new StaleObjectException(meta.type(), meta.describe(record), meta.get(record, meta.version()),
                    connection().dialect().compile(delete).sql());
        }
        if (record instanceof Lifecycle l) {
            l.afterDelete();
        }
    }

    // ---- flush -----------------------------------------------------------------------------------

    /** An object about to be written, with the fields the session fills itself. */
    record Pending(EntityMeta meta, Object model, boolean insert, Set<Binding> exempt) {
    }

    void validate(List<Pending> objects) {
        List<Violation> violations = new ArrayList<>();
        for (Pending p : objects) {
            SchemaRules.check(p.meta(), p.model(), p.insert(), p.exempt(),
                    (b, rule) -> violations.add(new Violation(p.meta().name(), b.field(), p.meta().get(p.model(), b), rule)));
            if (p.model() instanceof Validating v) {
                Violations own = new Violations(p.meta().name());
                v.validate(own);
                violations.addAll(own.found());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * Writes every pending change: inserts and updates table by table in foreign key order, then
     * deletes in reverse order, batched where statements repeat. Validation runs first, and the
     * flush is all or nothing: on any failure its statements are rolled back (to a savepoint) and
     * the objects are as before.
     */
    public void flush() {
        checkOpen("flush");
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            new Flush(this).run();
        } finally {
            flushing = false;
        }
    }

    // ---- bookkeeping used by Flush -------------------------------------------------------------

    List<EntityState> tracked() {
        return order;
    }

    EntityState state(Object model) {
        return states.get(model);
    }

    Metamodel metamodel() {
        return metamodel;
    }

    private void track(EntityState s) {
        states.put(s.object, s);
        order.add(s);
    }

    void addCascaded(Object model) {
        if (!states.containsKey(model)) {
            EntityState s = new EntityState(model, metamodel.entity(model.getClass()), Status.PENDING);
            track(s);
            installHolders(s, false);
            cascadeSave(s);
        }
    }

    void forget(EntityState s) {
        states.remove(s.object);
        order.remove(s);
        if (s.key != null && identity.get(s.key) == s.object) {
            identity.remove(s.key);
        }
    }

    void inserted(EntityState s) {
        s.status = Status.PERSISTENT;
        s.key = s.meta.keyOf(s.object);
        s.snapshot = s.meta.snapshot(s.object);
        identity.put(s.key, s.object);
        insertedInTx.add(s);
    }

    void updated(EntityState s) {
        txSnapshots.putIfAbsent(s.object, s.snapshot);
        EntityKey old = s.key;
        s.snapshot = s.meta.snapshot(s.object);
        s.key = s.meta.keyOf(s.object);
        if (!s.key.equals(old)) {
            identity.remove(old);
            identity.put(s.key, s.object);
        }
    }

    void deleted(EntityState s) {
        forget(s);
        deletedInTx.add(s);
    }

    private EntityMeta mutableMeta(Object model, String operation) {
        EntityMeta meta = metamodel.entity(model.getClass());
        if (meta.isRecord()) {
            throw new IllegalArgumentException("cannot " + operation + " " + meta.name() + ": records are immutable, so the session "
                    + "does not track them; use session.insert(record) and session.update(record)");
        }
        return meta;
    }

    /** The engine, how many objects the session tracks, and whether it is closed. */
    @Override
    public String toString() {
        return "Session(" + engine + ", " + order.size() + " objects" + (closed ? ", closed" : "") + ")";
    }
}
