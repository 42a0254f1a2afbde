package dev.ashlar.core.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.IdentifierTooLongException;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.Operator;
import dev.ashlar.core.sql.SqlNode;
import dev.ashlar.core.types.SqlType;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything Ashlar knows about one database: how it spells SQL, DDL and types, how values cross
 * JDBC, how its errors map to Ashlar's, and how its pool is set up. This base class holds what the
 * databases share; {@code SqliteDialect}, {@code PostgresDialect} and {@code MariaDbDialect}
 * override only where theirs differs, and each such override is the one place that difference lives.
 */
public abstract class Dialect {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** Words reserved in at least one of the supported databases; such names are always quoted. */
    private static final Set<String> RESERVED = Set.of(
            "add", "all", "alter", "analyze", "and", "any", "as", "asc", "between", "both", "by", "case", "cast", "check",
            "collate", "column", "constraint", "create", "cross", "current_date", "current_time", "current_timestamp",
            "current_user", "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false",
            "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "in", "index", "inner", "insert",
            "intersect", "interval", "into", "is", "join", "key", "keys", "leading", "left", "like", "limit", "natural",
            "not", "null", "offset", "on", "or", "order", "outer", "over", "primary", "range", "references", "right",
            "rows", "select", "set", "some", "table", "then", "to", "trailing", "true", "union", "unique", "update",
            "user", "using", "values", "when", "where", "window", "with");

    private final ConcurrentMap<SqlType<?>, ValueCodec<?>> codecs = new ConcurrentHashMap<>();
    /** Identifiers as they go into SQL; every statement spells the same few names, and the regex check is not free. */
    private final ConcurrentMap<String, String> identifiers = new ConcurrentHashMap<>();
    private final TypeCodecs typeCodecs = newTypeCodecs();
    /** {@code typeCodecs::forType}, made once: a method reference in {@link #codec} would be a new object per column per query. */
    private final Function<SqlType<?>, ValueCodec<?>> codecForType = typeCodecs::forType;

    /** The dialect's name as it appears in URLs and test names: {@code sqlite}, {@code postgresql}, {@code mariadb}. */
    public abstract String name();

    /** A fresh compiler for one statement. */
    public SqlCompiler newCompiler() {
        return new SqlCompiler(this);
    }

    /** Compiles a statement or expression. */
    public CompiledSql compile(SqlNode node) {
        return newCompiler().compile(node);
    }

    /** The DDL compiler. */
    public abstract DdlCompiler ddl();

    /**
     * Reads this database's catalog for {@link dev.ashlar.core.reflect.Inspector}. A dialect without
     * one cannot be reflected, and says so.
     */
    public dev.ashlar.core.reflect.CatalogReader catalog() {
        throw new UnsupportedFeatureException("a catalog reader (schema reflection)", name(),
                "give " + getClass().getSimpleName() + " a catalog() override that reads this database's catalog");
    }

    /** Reads this database's EXPLAIN output into a plan with a verdict. */
    public abstract dev.ashlar.core.explain.PlanReader planReader();

    /** Where this dialect's codecs come from; override {@link TypeCodecs} to change how some types cross JDBC. */
    protected TypeCodecs newTypeCodecs() {
        return new TypeCodecs();
    }

    /** The codec for values of {@code type}, cached per type. */
    @SuppressWarnings("unchecked")
    public final <J> ValueCodec<J> codec(SqlType<J> type) {
        return (ValueCodec<J>) codecs.computeIfAbsent(type, codecForType);
    }

    /**
     * Refuses, before anything is sent, a value that {@code column} cannot hold on this database (a
     * NaN, a decimal wider than the column's precision on SQLite), with a {@link
     * dev.ashlar.core.error.DataException} naming the column, the value and the limit. The compiler
     * calls this for every value an INSERT, UPDATE or upsert writes; the codecs still refuse what no
     * column of their type can hold when a value is bound elsewhere.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void checkWritable(Column<?> column, Object value) {
        if (value != null) {
            checkWritable(column, (ValueCodec) codec(column.type()), value);
        }
    }

    /**
     * {@link #checkWritable(Column, Object)} with the codec of the column's type at hand ({@link #codec}), for
     * callers that write many rows of the same columns and look the codecs up once.
     */
    public <J> void checkWritable(Column<?> column, ValueCodec<J> codec, J value) {
        RefusedValue refused = value == null ? null : codec.refuseWrite(value);
        if (refused != null) {
            String table = column.table() == null ? "" : column.table().name() + ".";
            throw translate(refused.at("column " + table + column.name()), null, null);
        }
    }

    /** Maps a driver's exception to Ashlar's typed exceptions, keeping the SQL and parameters. */
    public DatabaseException translate(SQLException e, String sql, List<Object> parameters) {
        return ErrorTranslation.bySqlState(e, sql, parameters);
    }

    /**
     * What to check when a connection could not be opened, for the error message: from the standard
     * SQLSTATE classes (28: authorization, 3D: catalog) and the network error under the driver's.
     * Dialects whose drivers say it otherwise override this.
     */
    public String connectFailureHint(SQLException e, dev.ashlar.core.engine.EngineUrl url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return "check the user name and password in the URL, and that this user may connect from this host";
        }
        if (state.startsWith("3D")) {
            return "check the database name in the URL: it must exist on the server (create it first)";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return "check the host name in the URL";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) {
                return "check that the server is running and listens on the host and port in the URL"
                        + (url.host() == null ? "" : " (" + url.host() + (url.port() == null ? "" : ":" + url.port()) + ")");
            }
        }
        return "check the URL, that the server is running, and the credentials";
    }

    /** The identifier quoted when it must be (reserved words, upper case, other characters), bare otherwise. */
    public String quoteIdentifier(String name) {
        String known = identifiers.get(name);
        if (known != null) {
            return known;
        }
        String spelled = spellIdentifier(name);
        if (identifiers.size() < MAX_CACHED_IDENTIFIERS) {
            identifiers.put(name, spelled);
        }
        return spelled;
    }

    /** Bounds the identifier cache, which raw names from user input could otherwise grow without end. */
    private static final int MAX_CACHED_IDENTIFIERS = 10_000;

    private String spellIdentifier(String name) {
        checkIdentifierLength(name);
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return quote(name);
    }

    /**
     * How long a name may be on this database, and in which unit; {@link IdentifierLimit#NONE} by
     * default. Every name goes through {@link #quoteIdentifier} when DDL or a statement is compiled,
     * which refuses a longer one.
     */
    public IdentifierLimit identifierLimit() {
        return IdentifierLimit.NONE;
    }

    /** Refuses a name longer than {@link #identifierLimit()}, naming it, its length and the limit. */
    public void checkIdentifierLength(String name) {
        IdentifierLimit limit = identifierLimit();
        if (!limit.fits(name)) {
            throw new IdentifierTooLongException(name(), name, limit.lengthOf(name), limit.max(), limit.unit().description());
        }
    }

    /** The identifier quoted unconditionally. Standard SQL double quotes; MariaDB uses backticks. */
    protected String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string literal for DDL (server defaults only; statements always bind values). */
    public String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A boolean literal for DDL. */
    public String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /** How an operator is spelled. */
    public String operator(Operator operator) {
        return operator.sql();
    }

    /** The statement that refreshes the planner's statistics for {@code table}, so EXPLAIN reflects new indexes and rows. */
    public String analyzeSql(String table) {
        return "ANALYZE " + quoteIdentifier(table);
    }

    /** What follows {@code INSERT INTO t} when no column is given. */
    public String emptyInsertValues() {
        return "DEFAULT VALUES";
    }

    /**
     * The features this database lacks; asking for one raises an {@link UnsupportedFeatureException}
     * naming it, the database and the alternative. None by default; each dialect overrides this one
     * method, so that what it lacks is declared in one place.
     */
    public Set<Feature> lacks() {
        return Set.of();
    }

    /** Whether this database has {@code feature}: whether it is missing from {@link #lacks()}. */
    public final boolean supports(Feature feature) {
        return !lacks().contains(feature);
    }

    /**
     * The failure for asking this database for {@code feature}, which it lacks; {@code context} says
     * where it was asked for (a table, an index), or is {@code null}.
     */
    public UnsupportedFeatureException unsupported(Feature feature, String context) {
        return new UnsupportedFeatureException(feature.description(), name(), feature.alternative(), context);
    }

    /** Whether {@code INSERT ... RETURNING} works: {@link #supports}({@link Feature#INSERT_RETURNING}). */
    public final boolean supportsInsertReturning() {
        return supports(Feature.INSERT_RETURNING);
    }

    /**
     * A faster way than JDBC batches to insert many rows of plain values, if this database has one
     * (PostgreSQL's COPY). Empty by default: many-row inserts then go out as JDBC batches.
     */
    public Optional<BulkInsert> bulkInsert() {
        return Optional.empty();
    }

    /** Whether {@code FULL JOIN} works: {@link #supports}({@link Feature#FULL_JOIN}). */
    public final boolean supportsFullJoin() {
        return supports(Feature.FULL_JOIN);
    }

    /** Whether {@code UPDATE ... RETURNING} works: {@link #supports}({@link Feature#UPDATE_RETURNING}). */
    public final boolean supportsUpdateReturning() {
        return supports(Feature.UPDATE_RETURNING);
    }

    /** Whether {@code DELETE ... RETURNING} works: {@link #supports}({@link Feature#DELETE_RETURNING}). */
    public final boolean supportsDeleteReturning() {
        return supports(Feature.DELETE_RETURNING);
    }

    /**
     * Whether a result set streams with a fetch size only inside a transaction (PostgreSQL's
     * cursors); the engine then opens one for the stream's lifetime when none is open.
     */
    public boolean cursorsNeedTransaction() {
        return false;
    }

    /** Whether a backslash escapes the next character inside string literals (MariaDB by default). */
    public boolean backslashEscapesInStrings() {
        return lexicalRules().backslashEscapes();
    }

    /** How this database spells literals, quoted identifiers and comments, for scanning raw SQL text. */
    public LexicalRules lexicalRules() {
        return LexicalRules.STANDARD;
    }

    /**
     * How {@code SERIALIZABLE} transactions keep conflicting writers apart. {@code false} (PostgreSQL,
     * SQLite): they read from snapshots, and a transaction that writes a row another one changed since
     * its snapshot fails at once with a {@link dev.ashlar.core.error.SerializationFailureException},
     * to be retried. {@code true} (MariaDB): they lock what they read and write, so conflicting
     * transactions wait for each other, and a cycle of waits fails one of them with a
     * {@link dev.ashlar.core.error.DeadlockException}.
     */
    public boolean serializableByLocking() {
        return false;
    }

    /**
     * Whether a {@code float64} column gives back {@code -0.0} with its sign (PostgreSQL). SQLite and
     * MariaDB store it as {@code 0.0}, which SQL compares as equal.
     */
    public boolean keepsNegativeZero() {
        return false;
    }

    /**
     * Whether a {@code json} column gives back the text as written. PostgreSQL does not: it stores
     * {@code JSONB}, a parsed document, so key order and white space come back normalised (the
     * content is the same).
     */
    public boolean keepsJsonText() {
        return true;
    }

    /**
     * Whether the database refuses a string longer than its column's declared length (with a
     * {@link dev.ashlar.core.error.ValueTooLongException}). SQLite does not: it stores the value as
     * given, so lengths are checked before SQL, by the ORM's validation.
     */
    public boolean enforcesStringLengths() {
        return true;
    }

    /**
     * Whether the database can cut a running statement short after a time limit, failing it with a
     * {@link dev.ashlar.core.error.QueryTimeoutException} (PostgreSQL's {@code statement_timeout},
     * MariaDB's {@code max_statement_time}). SQLite cannot: its only limit is the busy timeout on a
     * wait for another connection's lock.
     */
    public boolean supportsStatementTimeouts() {
        return true;
    }

    /**
     * The transaction isolation levels that {@link dev.ashlar.core.engine.Connection#begin(dev.ashlar.core.engine.IsolationLevel)
     * begin(level)} sets on this database, each with its own guarantees. All four of the SQL standard by
     * default (MariaDB). PostgreSQL accepts READ UNCOMMITTED but runs it as READ COMMITTED, so it leaves it
     * out; SQLite runs every transaction SERIALIZABLE (its READ UNCOMMITTED applies to shared-cache
     * connections only).
     */
    public Set<dev.ashlar.core.engine.IsolationLevel> isolationLevels() {
        return java.util.EnumSet.allOf(dev.ashlar.core.engine.IsolationLevel.class);
    }

    /**
     * The isolation level of a transaction begun without one, one of {@link #isolationLevels()}:
     * SERIALIZABLE by default, as the SQL standard has it (SQLite). PostgreSQL's is READ COMMITTED,
     * MariaDB's REPEATABLE READ.
     */
    public dev.ashlar.core.engine.IsolationLevel defaultIsolationLevel() {
        return dev.ashlar.core.engine.IsolationLevel.SERIALIZABLE;
    }

    /**
     * What a {@code fixedString(n)} ({@code CHAR(n)}) column gives back for a value shorter than
     * {@code n}: {@link Padding#PADDED} by default, as the SQL standard has it (PostgreSQL). Ashlar
     * neither pads nor trims, so code that compares what it read with what it wrote must know this.
     */
    public Padding fixedStringPadding() {
        return Padding.PADDED;
    }

    /**
     * The latest year that {@code date} and {@code dateTime} columns hold: 9999 by default, the SQL
     * standard's range (SQLite, MariaDB). A later value is refused, before SQL where {@link #checkWritable}
     * knows the limit, by the database otherwise. PostgreSQL holds dates far beyond it.
     */
    public int latestYear() {
        return 9999;
    }

    /**
     * The name under which the catalog reports the primary key of {@code table} that DDL declared with
     * the name {@code declared} ({@code null} for a key declared without a name). By default the declared
     * name, and {@code null} for an unnamed key, which the database then names in no catalog. PostgreSQL
     * names an unnamed key after its table; MariaDB calls every primary key {@code PRIMARY}, whatever
     * the DDL said.
     */
    public String primaryKeyName(String table, String declared) {
        return declared;
    }

    /**
     * Whether the database reads {@code expr::type} as a cast (PostgreSQL). Raw SQL's {@code :name}
     * parameters never take {@code ::} for a placeholder, on any database; where this is false, the
     * text is a syntax error there, and {@code CAST(expr AS type)} is the portable spelling.
     */
    public boolean doubleColonCasts() {
        return false;
    }

    /**
     * Whether DDL takes part in transactions, so that a failed schema change rolls back with the rest
     * (PostgreSQL and SQLite). MariaDB commits implicitly before and after each DDL statement.
     */
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * The named, session-scoped lock this database offers, used so that one migrator runs at a time.
     * A dialect without one says so, and migrations then refuse to run rather than run unguarded.
     */
    public SessionLock sessionLock() {
        throw new UnsupportedFeatureException("session-scoped lock (migrations need one so that two processes never "
                + "migrate at once)", name(), "override Dialect.sessionLock() in " + getClass().getSimpleName());
    }

    /**
     * Indexes in the current schema that exist but are not usable, such as one left INVALID by an
     * interrupted {@code CREATE INDEX CONCURRENTLY} on PostgreSQL. None elsewhere: their index builds
     * either complete or leave nothing.
     */
    public java.util.List<String> invalidIndexes(dev.ashlar.core.engine.Connection connection) {
        return java.util.List.of();
    }

    /**
     * Statements that put back what changing a column's type, nullability or default would silently
     * drop, read from the database before the change and run after it; none by default. MariaDB's
     * {@code MODIFY COLUMN} drops a CHECK written inside the column's definition (one named after
     * the column, at column level), so there it re-adds each such check as a table constraint.
     */
    public java.util.List<String> restoredAfterAlter(dev.ashlar.core.engine.Connection connection, String table, String column) {
        return java.util.List.of();
    }

    /**
     * How this database changes a table that its ALTER TABLE cannot change in place, or empty when
     * ALTER TABLE suffices (PostgreSQL, MariaDB). SQLite rebuilds the table.
     */
    public java.util.Optional<TableRebuild> tableRebuild() {
        return java.util.Optional.empty();
    }

    /** The JDBC URL for an Ashlar URL of this dialect. */
    public abstract String jdbcUrl(dev.ashlar.core.engine.EngineUrl url);

    /** The JDBC driver class, checked at startup so that a missing driver gets a clear message. */
    public abstract String driverClassName();

    /** The Maven coordinates of the driver, for the "missing driver" message. */
    public abstract String driverArtifact();

    /**
     * Who keeps prepared statements for reuse on this database: the driver (the default), or Ashlar
     * for a driver that keeps none. See {@link StatementCaching}.
     */
    public StatementCaching statementCaching() {
        return StatementCaching.DRIVER;
    }

    /** Sets pool and driver properties this database needs; called once when an engine starts. */
    public void configurePool(HikariConfig config, dev.ashlar.core.engine.EngineUrl url) {
    }

    /**
     * Gives a connection that Ashlar did not open (from a caller's {@link javax.sql.DataSource}) the
     * session settings that {@link #configurePool} gives the connections of Ashlar's own pool. Called
     * when an engine over a caller's data source borrows a connection, on every borrowing until it
     * returns {@code true}, so keep it cheap: check before sending anything.
     *
     * @param connection the borrowed connection, possibly inside a transaction that its owner began
     * @return whether the settings now last for the connection's life (so Ashlar stops calling this
     *     for it); {@code false} when they may be undone, for example by the rollback of the
     *     transaction they were made in
     * @throws SQLException when a setting cannot be made
     */
    public boolean prepareBorrowedConnection(java.sql.Connection connection) throws SQLException {
        return true;
    }

    /**
     * Something to hold open for the engine's lifetime, or {@code null}. SQLite's in-memory
     * database exists only while a connection to it is open, so its dialect returns one.
     */
    public AutoCloseable keepAlive(String jdbcUrl) throws SQLException {
        return null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
