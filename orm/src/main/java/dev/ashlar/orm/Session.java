package dev.ashlar.orm;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.ConnectionClosedException;
import dev.ashlar.core.error.NoResultException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.Select;
import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Models;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.internal.IdentityMap;
import dev.ashlar.orm.internal.Keys;
import dev.ashlar.orm.internal.ModelKey;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.NPlusOneDetector;
import dev.ashlar.orm.internal.ObjectState.Status;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.SessionConnection;
import dev.ashlar.orm.internal.UnitOfWork;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * A session opened on an engine holds one pooled connection from its first statement until
 * {@link #commit()}, {@link #rollback()} or {@link #close()}. Its transaction begins at the first
 * write (a flush that writes, a record write, or {@link #connection()}); reads before that run in
 * autocommit, as in Hibernate, so a session that only reads sends no BEGIN and no ROLLBACK. Objects
 * read stay the session's objects either way (the identity map does not depend on the transaction).
 *
 * <p>A session can also work on a connection the caller holds ({@link #open(Connection)}), to mix
 * ORM work and core statements in one transaction, or to run a test in a transaction that is
 * rolled back at its end. See {@link #open(Connection, SessionOptions)} for how its transactions
 * nest in the caller's.
 *
 * <p>This class is the facade: the work is done by its parts, the {@link UnitOfWork} (identity map
 * and transaction journal), the {@link Loader} and {@link RelationshipLoader} (reading),
 * {@link Relationships} (relationship fields), {@link Flush} (writing objects) and
 * {@link RecordWriter} (writing records).
 */
public final class Session implements AutoCloseable {
    private final SessionOptions options;
    private final ModelRegistry registry;
    private final SessionConnection connection;
    private final UnitOfWork work = new UnitOfWork();
    private final NPlusOneDetector detector;
    private final Loader loader = new Loader(this);
    // Made at first use: a session per lookup of a model without relationships needs none of them.
    private RelationshipLoader relationshipLoader;
    private Relationships relationships;
    private RecordWriter records;
    private boolean closed;
    private boolean flushing;

    private Session(SessionConnection connection, SessionOptions options) {
        this.options = options;
        this.registry = options.registry() != null ? options.registry() : Models.registry();
        this.connection = connection;
        this.detector = new NPlusOneDetector(options);
    }

    /** A session over {@code engine} with {@link SessionOptions#defaults()}. */
    public static Session open(Engine engine) {
        return open(engine, SessionOptions.defaults());
    }

    /** A session over {@code engine}, borrowing a pooled connection at its first statement. */
    public static Session open(Engine engine, SessionOptions options) {
        return new Session(SessionConnection.pooled(engine), options);
    }

    /** A session on a connection the caller holds, with {@link SessionOptions#defaults()}; see {@link #open(Connection, SessionOptions)}. */
    public static Session open(Connection connection) {
        return open(connection, SessionOptions.defaults());
    }

    /**
     * A session on {@code connection}, which the caller holds: the session sends every statement on
     * it and never closes it, so after {@link #close()} the connection is open and usable. How the
     * session's transactions relate to the connection's follows SQLAlchemy's
     * {@code join_transaction_mode="create_savepoint"}:
     * <ul>
     *   <li>Reads before the session's first write run on the connection as it is: in autocommit,
     *       or in the caller's transaction when one is open.</li>
     *   <li>When the connection is in no transaction at the session's first write, the session
     *       begins one; {@link #commit()} commits it and {@link #rollback()} rolls it back, as on an
     *       engine.</li>
     *   <li>When the caller began a transaction ({@link Connection#begin()}), the session's writes
     *       run in a savepoint begun at its first write: {@link #commit()} flushes and releases the
     *       savepoint, so the caller's transaction decides whether the work is kept;
     *       {@link #rollback()} and {@link #close()} roll back to the savepoint only, leaving what the
     *       caller did before, and put the session's objects back as after any rollback. End the
     *       session's work (commit, rollback or close) before ending the caller's transaction, which
     *       refuses to end around an open savepoint.</li>
     * </ul>
     * After a commit, the next write begins anew. {@link #statementCount()} and
     * {@link #statements()} count every statement sent on the connection while the session is open,
     * the caller's own included; a statement listener the caller set is still told and is put back
     * at close.
     *
     * <pre>{@code
     * try (Connection conn = engine.connect(); Transaction outer = conn.begin()) {
     *     conn.execute(insertInto(audit).set(what, "import"));   // core, in the caller's transaction
     *     try (Session session = Session.open(conn, options)) {
     *         session.add(new Item("Widget", price));
     *         session.commit();                                 // flush, savepoint released
     *     }
     *     outer.rollback();                                     // neither row stays
     * }
     * }</pre>
     *
     * @throws ConnectionClosedException when the connection is closed; closing it while the session
     *                                   is open makes the session's next statement fail with one too
     */
    public static Session open(Connection connection, SessionOptions options) {
        return new Session(SessionConnection.callers(connection), options);
    }

    /** The options this session was opened with. */
    public SessionOptions options() {
        return options;
    }

    // ---- statements and transaction -------------------------------------------------------

    /** The session's connection, in its transaction (begun now if needed), for statements of your own. */
    public Connection connection() {
        checkOpen("use the connection");
        return connection.get();
    }

    /** Whether the session's transaction is open (a write, or {@link #connection()}, began it). */
    boolean inTransaction() {
        return connection.inTransaction();
    }

    /** Ends the session's transaction after a flush that began it failed: nothing else was written in it. */
    void rollbackFailedFirstFlush() {
        connection.rollback();
    }

    /** The connection for the session's own reads: in its transaction once a write began one, else in autocommit. */
    Connection readConnection() {
        checkOpen("read");
        return connection.forRead();
    }

    /**
     * How many statements this session has sent so far (a JDBC batch counts once, as one round
     * trip). Tests take the difference around a block: {@code long before = session.statementCount()}.
     */
    public long statementCount() {
        return connection.statementCount();
    }

    /** The SQL of every statement this session has sent, in order. */
    public List<String> statements() {
        return connection.statements();
    }

    /**
     * Flushes, then commits the transaction and returns the connection to the pool (on the caller's
     * connection: commits the session's transaction, or releases its savepoint in the caller's
     * transaction). Objects stay in the session.
     */
    public void commit() {
        checkOpen("commit");
        flush();
        connection.commit();
        work.committed();
    }

    /**
     * Rolls the transaction back (on the caller's connection inside the caller's transaction: to the
     * session's savepoint) and puts memory back in line with the database: objects inserted in it and
     * pending objects leave the session, changed objects get their committed values back, deleted
     * ones return.
     */
    public void rollback() {
        checkOpen("rollback");
        connection.rollback();
        work.rolledBack(this::restore);
    }

    /** Puts mapped values back on a tracked object and makes them its snapshot; relationships reload on access. */
    private void restore(ObjectState s, Object[] values) {
        List<FieldMapping> bs = s.meta.mapping().fields();
        Map<FieldMapping, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < bs.size(); i++) {
            changes.put(bs.get(i), values[i]);
        }
        s.meta.mapping().with(s.object, changes);
        s.snapshot = values.clone();
        s.keyValue = s.meta.keyValueOf(s.object);
        relationships().installHolders(s.object, s.meta, true);
    }

    /**
     * Rolls back what was not committed and closes; objects stay usable but detached. A connection
     * the caller gave stays open. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            connection.close();
        } finally {
            closed = true;
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    // ---- adding, removing -------------------------------------------------------------------

    /** Adds a new object (inserted on flush) together with what its relationships reach (cascade save). */
    public void add(Object model) {
        checkOpen("add");
        mutableMeta(model, "add");
        ObjectState s = map().state(model);
        if (s == null) {
            relationships().addWithCascade(model);
        } else if (s.status == Status.DELETED) {
            s.status = Status.PERSISTENT;
        }
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
        ModelMeta meta = model(model.getClass());
        if (meta.isRecord()) {
            records().delete(meta, model);
            return;
        }
        ObjectState s = map().state(model);
        if (s == null) {
            throw new UsageException(meta.describe(model) + " is not in this session; get or merge it first");
        }
        if (s.status == Status.PENDING) {
            map().forget(s);
        } else if (s.status != Status.DELETED) {
            s.status = Status.DELETED;
            cascadeDelete(s);
        }
    }

    private void cascadeDelete(ObjectState s) {
        for (RelationshipMapping rel : s.meta.relationships()) {
            if (!rel.cascades(Cascade.DELETE)) {
                continue;
            }
            for (Object child : relationships().related(s, rel, true)) {
                ObjectState cs = map().state(child);
                if (cs != null && cs.status != Status.DELETED) {
                    delete(child);
                }
            }
        }
    }

    /** Removes an object from the session without touching the database; its changes are forgotten. */
    public void expunge(Object model) {
        checkOpen("expunge");
        ObjectState s = map().state(model);
        if (s != null) {
            map().forget(s);
        }
    }

    /** Removes every object from the session without touching the database. */
    public void clear() {
        checkOpen("clear");
        map().clear();
    }

    /** Whether the object is in this session (pending, loaded or marked for deletion). */
    public boolean contains(Object model) {
        return map().contains(model);
    }

    /**
     * The session's object for the row {@code model} stands for, with {@code model}'s mapped values
     * copied onto it: the object already in the session, else the row loaded. When there is no such
     * row, {@code model} itself is added as a new object and returned.
     */
    @SuppressWarnings("unchecked")
    public <T> T merge(T model) {
        checkOpen("merge");
        ModelMeta meta = mutableMeta(model, "merge");
        if (map().contains(model)) {
            return model;
        }
        ModelKey key = meta.keyOf(model);
        Object target = key == null ? null : get((Class<T>) model.getClass(), key.values().toArray());
        if (target == null) {
            add(model);
            return model;
        }
        Map<FieldMapping, Object> values = new LinkedHashMap<>();
        for (FieldMapping b : meta.mapping().fields()) {
            values.put(b, meta.get(model, b));
        }
        meta.mapping().with(target, values);
        return (T) target;
    }

    /** Reloads the object's mapped values from the database, dropping unflushed changes; relationships reload on access. */
    public void refresh(Object model) {
        checkOpen("refresh");
        ObjectState s = map().state(model);
        if (s == null || s.status == Status.PENDING) {
            throw new UsageException(model(model.getClass()).describe(model)
                    + " is not a persistent object of this session, so it cannot be refreshed; "
                    + "get or merge it first, and flush a new object before refreshing it");
        }
        Select select = s.meta.mapping().select().where(Keys.condition(s.meta, s.keyValues()));
        Row row = readConnection().query(select).first();
        if (row == null) {
            map().forget(s);
            throw new NoResultException(s.meta.describe(model) + " no longer exists in the database");
        }
        restore(s, s.meta.snapshot(s.meta.mapping().read(row)));
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * The object with this primary key (several values for a composite key), from the identity map
     * when it is there, else loaded; {@code null} when there is no such row.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Class<T> type, Object... key) {
        checkOpen("get");
        ModelMeta meta = model(type);
        ModelKey k = meta.keyFromValues(key);
        if (!meta.isRecord()) {
            Object existing = map().find(k);
            if (existing != null) {
                ObjectState s = map().state(existing);
                return s != null && s.status == Status.DELETED ? null : (T) existing;
            }
        }
        if (loader().canLoadByKey(meta)) {
            return (T) loader().byKey(meta, k.toArray());
        }
        List<T> found = select(type).where(Keys.condition(meta, k.values())).list();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A query for objects of {@code type}: add conditions, order and loading options, then list/first/one/stream. */
    public <T> ModelQuery<T> select(Class<T> type) {
        checkOpen("select");
        return new ModelQuery<>(this, model(type));
    }

    // ---- records --------------------------------------------------------------------------------

    /**
     * Inserts a record (an immutable model) now and returns a new record with the values the
     * database generated (key, defaults, version) filled in.
     */
    public <T extends Record> T insert(T record) {
        checkOpen("insert");
        return records().insert(record);
    }

    /**
     * Updates a record's row from all its values now and returns it; with a {@code @Version} field
     * the update checks the version and returns a record with the next one.
     *
     * @throws StaleObjectException when the row's version moved on (or the row is gone)
     */
    public <T extends Record> T update(T record) {
        checkOpen("update");
        return records().update(record);
    }

    // ---- flush -----------------------------------------------------------------------------------

    /**
     * Writes every pending change: inserts and updates table by table in foreign key order, then
     * deletes in reverse order, batched where statements repeat. Validation runs first, and the
     * flush is all or nothing: on any failure its statements are rolled back and the objects are as
     * before. A flush that begins the session's transaction rolls that back (nothing else is in it);
     * a flush after earlier writes of the transaction rolls back to a savepoint it began.
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

    /** Flushes before a query reads, when autoflush is on and there may be something to write. */
    void autoflush() {
        if (options.autoflush() && !flushing && work.mayHaveChanges()) {
            flush();
        }
    }

    // ---- the session's parts, for each other ---------------------------------------------------

    void checkOpen(String operation) {
        if (closed) {
            throw new SessionClosedException(operation);
        }
    }

    /** The session's data for model {@code type} of the session's registry: no lock once the model is mapped. */
    ModelMeta model(Class<?> type) {
        return ModelMeta.of(registry.of(type));
    }

    UnitOfWork work() {
        return work;
    }

    IdentityMap map() {
        return work.map();
    }

    NPlusOneDetector detector() {
        return detector;
    }

    Loader loader() {
        return loader;
    }

    RelationshipLoader relationshipLoader() {
        if (relationshipLoader == null) {
            relationshipLoader = new RelationshipLoader(this);
        }
        return relationshipLoader;
    }

    Relationships relationships() {
        if (relationships == null) {
            relationships = new Relationships(this);
        }
        return relationships;
    }

    private RecordWriter records() {
        if (records == null) {
            records = new RecordWriter(this);
        }
        return records;
    }

    private ModelMeta mutableMeta(Object model, String operation) {
        ModelMeta meta = model(model.getClass());
        if (meta.isRecord()) {
            throw new UsageException("cannot " + operation + " " + meta.name() + ": records are immutable, so the session "
                    + "does not track them; use session.insert(record) and session.update(record)");
        }
        return meta;
    }

    /** The engine (or the caller's connection), how many objects the session tracks, and whether it is closed. */
    @Override
    public String toString() {
        return "Session(" + connection + ", " + map().size() + " objects" + (closed ? ", closed" : "") + ")";
    }
}
