package dev.ashlar.migrate;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.DdlEffect;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SessionLock;
import dev.ashlar.core.dialect.TableRebuild;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Table;
import dev.ashlar.migrate.AppliedRevision.State;
import dev.ashlar.migrate.internal.ScriptScanner;
import dev.ashlar.migrate.internal.VersionTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies and reverts revisions on one engine, one migrator at a time.
 *
 * <pre>{@code
 * Migrator.scan(engine, "com.example.migrations").upgrade();   // at application start
 * }</pre>
 *
 * <p>Every command that writes first takes the database's session lock ({@link Dialect#sessionLock()}),
 * waiting up to {@link #lockWait}: a second process that starts at the same time waits, then finds
 * nothing left to do. The lock belongs to the connection, so a killed migrator frees it.
 *
 * <p>Where DDL is transactional (PostgreSQL, SQLite) a revision runs in one transaction together
 * with its version-table row, so a failure leaves schema and table as they were. On MariaDB, whose
 * DDL commits by itself, each step's completion is journalled in the version table: a failure at step
 * k keeps steps 1 to k-1 recorded, {@link #current()} shows it, and the next {@link #upgrade} resumes
 * at step k. Steps that cannot run in a transaction ({@link Operations#createIndexOnline}) are
 * journalled the same way on every database.
 */
public final class Migrator {
    /** The lock's name, the same for every migrator of a database. */
    public static final String LOCK_NAME = "ashlar_migrate";
    /** The target that means "every head". */
    public static final String HEADS = "heads";
    /** The downgrade target that means "before the first revision". */
    public static final String BASE = "base";

    private final Engine engine;
    private final RevisionGraph graph;
    private final Duration lockWait;
    private final Consumer<String> output;
    private final StepListener listener;
    private final boolean allowDataLoss;
    private final VersionTable versions = new VersionTable();

    private Migrator(Engine engine, RevisionGraph graph, Duration lockWait, Consumer<String> output, StepListener listener,
                     boolean allowDataLoss) {
        this.engine = engine;
        this.graph = graph;
        this.lockWait = lockWait;
        this.output = output;
        this.listener = listener;
        this.allowDataLoss = allowDataLoss;
    }

    /**
     * Told each step as it starts, for a progress display: which revision, the step's place among the
     * revision's steps, and what it does. A table rebuild or a backfill is one step, so a display that
     * advances per step shows where a long revision is.
     */
    @FunctionalInterface
    public interface StepListener {
        /**
         * Step {@code step} (1-based) of {@code total} of {@code revision} starts.
         *
         * @param step the step as the migrator runs it, with its description and the dialect's verdict
         */
        void starting(String revision, int index, int total, Step step);
    }

    /** A migrator over the given migration classes. */
    public static Migrator of(Engine engine, Collection<Class<? extends Migration>> scripts) {
        return new Migrator(Objects.requireNonNull(engine, "engine"), graph(scripts), Duration.ofMinutes(1), line -> { },
                (revision, index, total, step) -> { }, false);
    }

    /** A migrator over every migration class in {@code packageName} on the context class loader. */
    public static Migrator scan(Engine engine, String packageName) {
        return of(engine, ScriptScanner.scan(packageName, loader()));
    }

    /** The revision graph of the given classes, without an engine: for {@code heads}, {@code history} and offline SQL. */
    public static RevisionGraph graph(Collection<Class<? extends Migration>> scripts) {
        return new RevisionGraph(scripts.stream().map(Script::of).toList());
    }

    /** This migrator, waiting up to {@code wait} for another migrator's lock (one minute by default). */
    public Migrator lockWait(Duration wait) {
        return new Migrator(engine, graph, wait, output, listener, allowDataLoss);
    }

    /** This migrator, telling {@code output} each revision and step as it runs them, as lines (silent by default). */
    public Migrator output(Consumer<String> out) {
        return new Migrator(engine, graph, lockWait, out, listener, allowDataLoss);
    }

    /** This migrator, telling {@code steps} each step as it starts, for a progress bar (nothing by default). */
    public Migrator progress(StepListener steps) {
        return new Migrator(engine, graph, lockWait, output, Objects.requireNonNull(steps, "steps"), allowDataLoss);
    }

    /**
     * This migrator, applying revisions whose upgrade drops a table or a column when {@code allow} is
     * true. By default {@link #upgrade} refuses them with a {@link DataLossException} before anything
     * runs, naming each table and column, so that a deployment never throws data away unless someone
     * said so ({@code ashlar upgrade --allow-data-loss}). Downgrades are not refused: reverting a
     * revision is an explicit request to undo what it added.
     */
    public Migrator allowDataLoss(boolean allow) {
        return new Migrator(engine, graph, lockWait, output, listener, allow);
    }

    /** The revisions and their links. */
    public RevisionGraph graph() {
        return graph;
    }

    /**
     * The difference between the database and {@code models}, with {@code renames} declared: what a
     * revision would still have to do for the database to match the models. Compares only the models'
     * tables (see {@link RevisionWriter#compare}).
     */
    public dev.ashlar.core.diff.SchemaDiff compareModels(dev.ashlar.core.schema.MetaData models, dev.ashlar.core.diff.Renames renames) {
        try (Connection conn = engine.connect()) {
            return RevisionWriter.compare(conn, models, renames);
        }
    }

    /** The engine the migrator works on, for the revision writer's comparison. */
    Engine engine() {
        return engine;
    }

    /** The revisions an upgrade to the heads would apply (or finish), parents first; read without the lock. */
    public List<String> pendingRevisions() {
        return pending(current());
    }

    /** Applies every revision up to the heads that the database lacks. */
    public MigrationReport upgrade() {
        return upgrade(HEADS);
    }

    /** Applies {@code target} and the revisions it descends from that the database lacks ({@link #HEADS} for all). */
    public MigrationReport upgrade(String target) {
        return locked(conn -> {
            versions.ensure(conn);
            Map<String, AppliedRevision> applied = validated(conn);
            List<String> warnings = new ArrayList<>(invalidIndexWarnings(conn));
            List<Script> todo = graph.ordered(graph.ancestorsOf(targets(target))).stream().filter(s -> applied.get(s.id()) == null
                    || applied.get(s.id()).state() != State.APPLIED).toList();
            refuseDataLoss(conn.dialect(), todo, applied);
            List<String> done = new ArrayList<>();
            for (Script script : todo) {
                AppliedRevision row = applied.get(script.id());
                if (row != null && row.state() == State.APPLIED) {
                    continue;
                }
                apply(conn, script, row);
                done.add(script.id());
            }
            if (done.isEmpty()) {
                output.accept("nothing to apply: the database is at " + describeTarget(target));
            }
            return new MigrationReport(done, pending(versions.read(conn)), warnings);
        });
    }

    /** Refuses, before anything runs, revisions whose remaining steps drop a table or a column, unless allowed. */
    private void refuseDataLoss(Dialect dialect, List<Script> todo, Map<String, AppliedRevision> applied) {
        if (allowDataLoss) {
            return;
        }
        List<String> losses = new ArrayList<>();
        for (Script script : todo) {
            List<Step> steps = record(dialect, script).steps();
            AppliedRevision row = applied.get(script.id());
            for (Step step : steps.subList(row == null ? 0 : row.stepsDone(), steps.size())) {
                if (step.losesData() != null) {
                    losses.add("revision " + script.id() + " (" + script.file() + ") drops " + step.losesData());
                }
            }
        }
        if (!losses.isEmpty()) {
            throw new DataLossException(losses);
        }
    }

    /** Reverts the applied revisions that {@code target} does not descend from, newest first ({@link #BASE} for all). */
    public MigrationReport downgrade(String target) {
        return locked(conn -> {
            versions.ensure(conn);
            Map<String, AppliedRevision> applied = validated(conn);
            for (AppliedRevision row : applied.values()) {
                if (row.state() != State.APPLIED) {
                    throw new MigrationException("revision " + row.summary() + "; finish it with upgrade (after fixing the cause) "
                            + "before downgrading");
                }
            }
            Set<String> keep = BASE.equals(target) ? Set.of() : graph.ancestorsOf(List.of(graph.get(target).id()));
            List<Script> revert = new ArrayList<>(graph.ordered(applied.keySet().stream().filter(id -> !keep.contains(id)).toList()));
            java.util.Collections.reverse(revert);
            List<String> done = new ArrayList<>();
            for (Script script : revert) {
                revert(conn, script);
                done.add(script.id());
            }
            if (done.isEmpty()) {
                output.accept("nothing to revert: the database is at or below " + target);
            }
            return new MigrationReport(done, pending(versions.read(conn)), List.of());
        });
    }

    /** The version table's rows: what the database has, and how far a failed revision got. Empty before the first upgrade. */
    public List<AppliedRevision> current() {
        try (Connection conn = engine.connect()) {
            return Inspector.of(conn).hasTable(VersionTable.NAME) ? versions.read(conn) : List.of();
        }
    }

    /** Every revision, parents first, each with its row when the database has one. */
    public List<HistoryEntry> history() {
        Map<String, AppliedRevision> rows = new LinkedHashMap<>();
        current().forEach(r -> rows.put(r.revision(), r));
        return graph.scripts().stream().map(s -> new HistoryEntry(s, rows.get(s.id()))).toList();
    }

    /** One line of {@link #history()}. */
    public record HistoryEntry(Script script, AppliedRevision applied) {
    }

    /** The heads; more than one means branches that a merge revision should join. */
    public List<String> heads() {
        return graph.heads();
    }

    /**
     * Records {@code target} and its ancestors as applied without running them, and forgets other
     * revisions: for a database whose schema already matches (a baseline).
     */
    public MigrationReport stamp(String target) {
        return locked(conn -> {
            versions.ensure(conn);
            Map<String, AppliedRevision> rows = byId(versions.read(conn));
            Set<String> wanted = graph.ancestorsOf(targets(target));
            List<String> done = new ArrayList<>();
            try (Transaction tx = conn.begin()) {
                for (String id : rows.keySet()) {
                    if (!wanted.contains(id)) {
                        versions.remove(conn, id);
                    }
                }
                for (Script script : graph.ordered(wanted)) {
                    AppliedRevision row = rows.get(script.id());
                    Recorded up = record(conn.dialect(), script);
                    if (row == null || row.state() != State.APPLIED || !row.checksum().equals(up.checksum())) {
                        versions.record(conn, script.id(), up.checksum(), State.APPLIED, up.steps().size(), up.steps().size(), null,
                                row != null);
                        done.add(script.id());
                    }
                }
                tx.commit();
            }
            done.forEach(id -> output.accept("stamped " + id));
            return new MigrationReport(done, pending(versions.read(conn)), List.of());
        });
    }

    /**
     * Accepts deliberate edits of applied scripts: records each applied revision's current checksum.
     * Returns the revisions whose checksum changed.
     */
    public List<String> repair() {
        return locked(conn -> {
            versions.ensure(conn);
            List<String> repaired = new ArrayList<>();
            for (AppliedRevision row : versions.read(conn)) {
                if (!graph.contains(row.revision())) {
                    throw new MigrationException(unknownRevision(row.revision()));
                }
                String sum = record(conn.dialect(), graph.get(row.revision())).checksum();
                if (!sum.equals(row.checksum())) {
                    versions.setChecksum(conn, row.revision(), sum);
                    repaired.add(row.revision());
                    output.accept("repaired the checksum of " + row.revision() + " (" + graph.get(row.revision()).file() + ")");
                }
            }
            return repaired;
        });
    }

    /**
     * What is wrong or pending, without changing anything: several heads, edited applied scripts,
     * revisions the scripts no longer declare, failed revisions and revisions not yet applied. Empty
     * when the database is at the single head.
     */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        if (graph.heads().size() > 1) {
            problems.add("several heads " + graph.heads() + ": write a merge revision whose parents are all of them");
        }
        try (Connection conn = engine.connect()) {
            List<AppliedRevision> rows = Inspector.of(conn).hasTable(VersionTable.NAME) ? versions.read(conn) : List.of();
            for (AppliedRevision row : rows) {
                if (!graph.contains(row.revision())) {
                    problems.add(unknownRevision(row.revision()));
                } else if (!record(conn.dialect(), graph.get(row.revision())).checksum().equals(row.checksum())) {
                    problems.add(changedScript(row.revision()));
                } else if (row.state() != State.APPLIED) {
                    problems.add("revision " + row.summary());
                }
            }
            for (String id : pending(rows)) {
                problems.add("revision " + id + " is not applied");
            }
        }
        return problems;
    }

    /**
     * The SQL that {@link #upgrade(String)} would run on an empty database of {@code dialect}, from
     * the version table's DDL to each revision's steps and version row, without connecting. The same
     * scripts give the same text on every run. Data steps built with the query language are shown
     * with their parameters in a comment.
     */
    public static String upgradeSql(RevisionGraph graph, Dialect dialect, String target) {
        VersionTable versions = new VersionTable();
        StringBuilder out = new StringBuilder("-- Ashlar migrations for ").append(dialect.name()).append(", up to ")
                .append(target).append('\n');
        for (String ddl : SchemaDdl.createStatements(versions.metadata(), dialect)) {
            out.append(ddl).append(";\n");
        }
        Set<String> targets = graph.ancestorsOf(HEADS.equals(target) ? graph.heads() : List.of(target));
        for (Script script : graph.ordered(targets)) {
            Recorded up = record(dialect, script);
            out.append("\n-- revision ").append(script.id()).append(script.message().isEmpty() ? "" : ": " + script.message())
                    .append(" (").append(script.file()).append(")\n");
            boolean tx = dialect.transactionalDdl() && up.steps().stream().allMatch(Step::transactional);
            if (tx) {
                out.append("BEGIN;\n");
            }
            for (Step step : up.steps()) {
                if (step.kind() == Step.Kind.REBUILD) {
                    throw new MigrationException("revision " + script.id() + " (" + script.file() + ") rebuilds table " + step.table()
                            + " on " + dialect.name() + ", which reads the table as the database holds it; offline SQL cannot include "
                            + "it, run upgrade against the database instead");
                }
                if (step.statement() != null) {
                    CompiledSql compiled = dialect.compile(step.statement());
                    out.append("-- parameters: ").append(compiled.parameterValues()).append('\n');
                }
                if (step.effect() != null && step.effect().kind() != DdlEffect.Kind.METADATA_ONLY) {
                    out.append("-- ").append(step.effect().verdict()).append('\n');
                }
                out.append(step.sql()).append(";\n");
            }
            out.append(versions.insertSql(dialect, script.id(), up.checksum(), up.steps().size())).append(";\n");
            if (tx) {
                out.append("COMMIT;\n");
            }
        }
        return out.toString();
    }

    // ---- running revisions ----

    /** A revision's upgrade steps for a dialect, and its checksum over both directions. */
    record Recorded(List<Step> steps, String checksum) {
    }

    static Recorded record(Dialect dialect, Script script) {
        Migration migration = script.newMigration();
        Operations up = new Operations(dialect);
        migration.upgrade(up);
        Operations down = new Operations(dialect);
        migration.downgrade(down);
        StringBuilder canonical = new StringBuilder("up\n");
        up.steps().forEach(s -> canonical.append(s.canonical()).append('\n'));
        canonical.append("down\n");
        down.steps().forEach(s -> canonical.append(s.canonical()).append('\n'));
        return new Recorded(up.steps(), sha256(canonical.toString()));
    }

    private void apply(Connection conn, Script script, AppliedRevision row) {
        Recorded up = record(conn.dialect(), script);
        int start = row == null ? 0 : row.stepsDone();
        List<String> problems = preflight(conn, up.steps().subList(start, up.steps().size()));
        if (!problems.isEmpty()) {
            throw new PreflightException(script.id(), script.file(), problems);
        }
        output.accept((start == 0 ? "applying " : "resuming ") + script.id() + (script.message().isEmpty() ? "" : " (" + script.message() + ")")
                + (start == 0 ? "" : " at step " + (start + 1) + " of " + up.steps().size()));
        run(conn, script, up.steps(), start, row != null, (from, to, exists) ->
                versions.record(conn, script.id(), up.checksum(), to == up.steps().size() ? State.APPLIED : State.RUNNING, to,
                        up.steps().size(), null, exists),
                (at, exists, e) -> versions.record(conn, script.id(), up.checksum(), State.FAILED, at, up.steps().size(),
                        e.getMessage(), exists));
    }

    /**
     * What the existing rows would break, step by step. A check that cannot run yet, because it reads
     * a column or table that an earlier step of the revision creates, finds nothing to break.
     */
    private static List<String> preflight(Connection conn, List<Step> steps) {
        List<String> problems = new ArrayList<>();
        for (Step step : steps) {
            if (step.preflight() == null) {
                continue;
            }
            try {
                String problem = step.preflight().apply(conn);
                if (problem != null) {
                    problems.add(step.description() + ": " + problem);
                }
            } catch (dev.ashlar.core.error.DatabaseException notYet) {
                // The step reads what an earlier step creates; the revision's own run will find any problem.
            }
        }
        return problems;
    }

    private void revert(Connection conn, Script script) {
        Operations down = new Operations(conn.dialect());
        script.newMigration().downgrade(down);
        List<Step> steps = down.steps();
        List<String> problems = preflight(conn, steps);
        if (!problems.isEmpty()) {
            throw new PreflightException(script.id(), script.file(), problems);
        }
        output.accept("reverting " + script.id());
        run(conn, script, steps, 0, true, (from, to, exists) -> {
            if (to == steps.size()) {
                versions.remove(conn, script.id());
            }
        }, (at, exists, e) -> { });
    }

    private interface Progress {
        void reached(int from, int to, boolean rowExists);
    }

    private interface Failure {
        void failed(int at, boolean rowExists, AshlarException e);
    }

    /**
     * Runs {@code steps} from {@code start}: runs of transactional steps in one transaction with the
     * progress record, on databases with transactional DDL; every other step alone, followed by its
     * progress record.
     */
    private void run(Connection conn, Script script, List<Step> steps, int start, boolean rowExists, Progress progress, Failure failure) {
        if (steps.isEmpty()) {
            // A merge revision often changes nothing, but the database must still record that it has it.
            progress.reached(0, 0, rowExists);
            return;
        }
        boolean exists = rowExists;
        int i = start;
        while (i < steps.size()) {
            boolean together = conn.dialect().transactionalDdl() && steps.get(i).transactional();
            int end = i + 1;
            while (together && end < steps.size() && steps.get(end).transactional()) {
                end++;
            }
            int at = i;
            TableRebuild rebuild = together && steps.subList(i, end).stream().anyMatch(s -> s.kind() == Step.Kind.REBUILD)
                    ? conn.dialect().tableRebuild().orElseThrow() : null;
            try {
                if (together) {
                    if (rebuild != null) {
                        rebuild.prepare(conn);
                    }
                    try (Transaction tx = conn.begin()) {
                        for (; at < end; at++) {
                            runStep(conn, script, steps, at);
                        }
                        if (rebuild != null) {
                            rebuild.verify(conn);
                        }
                        progress.reached(i, end, exists);
                        tx.commit();
                    } finally {
                        if (rebuild != null) {
                            rebuild.restore(conn);
                        }
                    }
                } else {
                    runStep(conn, script, steps, at);
                    progress.reached(i, end, exists);
                }
            } catch (AshlarException e) {
                if (!together || exists) {
                    // What committed before this step stays recorded; a failed transaction left nothing to record.
                    failure.failed(together ? i : at, exists, e);
                }
                throw new MigrationException("revision " + script.id() + " (" + script.file() + ") failed at step " + (at + 1) + " of "
                        + steps.size() + " (" + steps.get(Math.min(at, steps.size() - 1)).description() + "): " + e.getMessage()
                        + (together ? "; the revision's transaction was rolled back, nothing of it is applied"
                        : "; steps 1 to " + at + " are applied and recorded, fix the cause and run upgrade again to resume at step "
                        + (at + 1)), e);
            }
            exists = true;
            i = end;
        }
    }

    private void runStep(Connection conn, Script script, List<Step> steps, int index) {
        Step step = steps.get(index);
        listener.starting(script.id(), index + 1, steps.size(), step);
        output.accept("  " + (index + 1) + "/" + steps.size() + " " + step.description()
                + (step.effect() == null ? "" : " [" + step.effect().verdict() + "]"));
        switch (step.kind()) {
            case DATA -> conn.execute(step.statement());
            case SQL -> conn.executeSql(step.sql());
            case ALTER_COLUMN -> {
                List<String> restore = conn.dialect().restoredAfterAlter(conn, step.table(), step.column());
                conn.executeSql(step.sql());
                restore.forEach(conn::executeSql);
            }
            case REBUILD -> {
                Table current = Inspector.of(conn).reflect().get(step.table());
                if (current == null) {
                    throw new MigrationException("step " + (index + 1) + " rebuilds table " + step.table() + ", which the database does not have");
                }
                conn.dialect().tableRebuild().orElseThrow().rebuild(conn, current, step.change().apply(current));
            }
        }
    }

    // ---- state ----

    private Map<String, AppliedRevision> validated(Connection conn) {
        Map<String, AppliedRevision> rows = byId(versions.read(conn));
        for (AppliedRevision row : rows.values()) {
            if (!graph.contains(row.revision())) {
                throw new MigrationException(unknownRevision(row.revision()));
            }
            if (!record(conn.dialect(), graph.get(row.revision())).checksum().equals(row.checksum())) {
                throw new MigrationException(changedScript(row.revision()));
            }
        }
        return rows;
    }

    private String unknownRevision(String id) {
        return "the database records revision " + id + ", which no script declares; restore its script, or stamp the database "
                + "at a revision the scripts know";
    }

    private String changedScript(String id) {
        Script script = graph.get(id);
        return "revision " + id + " was changed after it was applied: " + script.file() + " (" + script.type().getName()
                + ") now describes different operations than the ones recorded; undo the edit and write a new revision, or "
                + "run repair to accept a deliberate edit";
    }

    private List<String> pending(List<AppliedRevision> rows) {
        Map<String, AppliedRevision> byId = byId(rows);
        return graph.ordered(graph.ancestorsOf(graph.heads())).stream()
                .filter(s -> byId.get(s.id()) == null || byId.get(s.id()).state() != State.APPLIED).map(Script::id).toList();
    }

    private List<String> invalidIndexWarnings(Connection conn) {
        List<String> warnings = new ArrayList<>();
        for (String index : conn.dialect().invalidIndexes(conn)) {
            String w = "index " + index + " is INVALID, left by an interrupted concurrent build; drop it (DROP INDEX CONCURRENTLY "
                    + index + ") and build it again";
            warnings.add(w);
            output.accept("warning: " + w);
        }
        return warnings;
    }

    private List<String> targets(String target) {
        return HEADS.equals(target) ? graph.heads() : List.of(graph.get(target).id());
    }

    private String describeTarget(String target) {
        return HEADS.equals(target) ? "its heads " + graph.heads() : target;
    }

    private static Map<String, AppliedRevision> byId(List<AppliedRevision> rows) {
        Map<String, AppliedRevision> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.revision(), r));
        return out;
    }

    private <T> T locked(Function<Connection, T> work) {
        try (Connection conn = engine.connect()) {
            SessionLock lock = conn.dialect().sessionLock();
            if (!lock.acquire(conn, LOCK_NAME, lockWait)) {
                String holder = lock.holder(conn, LOCK_NAME);
                throw new MigrationException("another migrator " + (holder == null ? "" : "(" + holder + ") ")
                        + "has held the migration lock for longer than " + lockWait.toSeconds() + " s; wait for it to finish, "
                        + "or give this one longer with lockWait(...). A migrator that was killed frees the lock with its connection");
            }
            T result;
            try {
                result = work.apply(conn);
            } catch (RuntimeException e) {
                try {
                    lock.release(conn, LOCK_NAME);
                } catch (RuntimeException releaseFailure) {
                    e.addSuppressed(releaseFailure);
                }
                throw e;
            }
            lock.release(conn, LOCK_NAME);
            return result;
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Migrator.class.getClassLoader();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AshlarException("every JDK has SHA-256, but this one lacks it", e);
        }
    }
}
