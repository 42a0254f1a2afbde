package dev.ashlar.migrate.internal;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.selectFrom;
import static dev.ashlar.core.sql.Sql.update;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.AppliedRevision;
import dev.ashlar.migrate.AppliedRevision.State;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table that records, per revision, its checksum, how many steps completed and whether it
 * failed. Written through core's query language like any other table.
 */
public final class VersionTable {
    /** The table's name. */
    public static final String NAME = "ashlar_version";
    private static final int ERROR_LENGTH = 2000;

    private final MetaData metadata = new MetaData();
    private final Column<String> revision = Column.of("revision", Types.string(64)).primaryKey();
    private final Column<String> checksum = Column.of("checksum", Types.string(64)).notNull();
    private final Column<String> state = Column.of("state", Types.string(16)).notNull();
    private final Column<Integer> stepsDone = Column.of("steps_done", Types.integer()).notNull();
    private final Column<Integer> stepsTotal = Column.of("steps_total", Types.integer()).notNull();
    private final Column<LocalDateTime> appliedAt = Column.of("applied_at", Types.dateTime()).notNull()
            .serverDefault(new ServerDefault.CurrentTimestamp());
    private final Column<String> error = Column.of("error", Types.string(ERROR_LENGTH));
    private final Table table = metadata.table(NAME, revision, checksum, state, stepsDone, stepsTotal, appliedAt, error);

    /** The table's metadata, for DDL (offline SQL) and for leaving it out of schema diffs. */
    public MetaData metadata() {
        return metadata;
    }

    /** Creates the table unless it exists. */
    public void ensure(Connection conn) {
        SchemaDdl.createAll(conn, metadata);
    }

    /** Every row, by revision id. */
    public List<AppliedRevision> read(Connection conn) {
        List<AppliedRevision> out = new ArrayList<>();
        for (Row row : conn.query(selectFrom(table).orderBy(revision.asc())).list()) {
            out.add(new AppliedRevision(row.get(revision), row.get(checksum), State.valueOf(row.get(state).toUpperCase(Locale.ROOT)),
                    row.get(stepsDone), row.get(stepsTotal), row.get(appliedAt), row.get(error)));
        }
        return out;
    }

    /** Records a revision's progress, inserting its row or updating it. */
    public void record(Connection conn, String id, String sum, State st, int done, int total, String why, boolean exists) {
        String message = why == null || why.length() <= ERROR_LENGTH ? why : why.substring(0, ERROR_LENGTH - 1) + "…";
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        if (exists) {
            conn.execute(update(table).set(checksum, sum).set(state, name(st)).set(stepsDone, done).set(stepsTotal, total)
                    .set(appliedAt, now).set(error, message).where(revision.eq(id)));
        } else {
            conn.execute(insertInto(table).set(revision, id).set(checksum, sum).set(state, name(st)).set(stepsDone, done)
                    .set(stepsTotal, total).set(appliedAt, now).set(error, message));
        }
    }

    /** Sets a revision's checksum (repair). */
    public void setChecksum(Connection conn, String id, String sum) {
        conn.execute(update(table).set(checksum, sum).where(revision.eq(id)));
    }

    /** Forgets a revision (after its downgrade). */
    public void remove(Connection conn, String id) {
        conn.execute(deleteFrom(table).where(revision.eq(id)));
    }

    /** The SQL that records a revision as applied, for offline scripts: literal values, the server's clock. */
    public String insertSql(dev.ashlar.core.dialect.Dialect dialect, String id, String sum, int total) {
        return "INSERT INTO " + dialect.quoteIdentifier(NAME) + " (revision, checksum, state, steps_done, steps_total) VALUES ("
                + dialect.stringLiteral(id) + ", " + dialect.stringLiteral(sum) + ", 'applied', " + total + ", " + total + ")";
    }

    /** The SQL that forgets a revision, for offline scripts. */
    public String deleteSql(dev.ashlar.core.dialect.Dialect dialect, String id) {
        return "DELETE FROM " + dialect.quoteIdentifier(NAME) + " WHERE revision = " + dialect.stringLiteral(id);
    }

    private static String name(State s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
