package dev.ashlar.core.dialect;

import dev.ashlar.core.error.CheckViolationException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DataException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.DeadlockException;
import dev.ashlar.core.error.ForeignKeyViolationException;
import dev.ashlar.core.error.IntegrityException;
import dev.ashlar.core.error.NotNullViolationException;
import dev.ashlar.core.error.NumericOutOfRangeException;
import dev.ashlar.core.error.OperationalException;
import dev.ashlar.core.error.ProgrammingException;
import dev.ashlar.core.error.QueryTimeoutException;
import dev.ashlar.core.error.SerializationFailureException;
import dev.ashlar.core.error.SyntaxErrorException;
import dev.ashlar.core.error.UndefinedTableException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.error.UnstorableValueException;
import dev.ashlar.core.error.ValueTooLongException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.util.List;

/**
 * Standard SQLSTATE to exception mapping, which PostgreSQL follows closely. Dialects whose
 * SQLSTATEs are coarser (MariaDB reports 23000 for every integrity error, SQLite none at all) map
 * their vendor codes to a {@link Kind} first and then call {@link #of}.
 */
public final class ErrorTranslation {
    /** What went wrong, independent of how a database reports it. */
    public enum Kind {
        UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK, INTEGRITY, TOO_LONG, OUT_OF_RANGE, UNSTORABLE, DATA, CONNECTION, TIMEOUT, DEADLOCK,
        SERIALIZATION, OPERATIONAL, SYNTAX, UNDEFINED_TABLE, PROGRAMMING, OTHER
    }

    private ErrorTranslation() {
    }

    /** The exception for a kind of failure. */
    public static DatabaseException of(Kind kind, SQLException e, String sql, List<Object> params) {
        return switch (kind) {
            case UNIQUE -> new UniqueViolationException(e, sql, params);
            case FOREIGN_KEY -> new ForeignKeyViolationException(e, sql, params);
            case NOT_NULL -> new NotNullViolationException(e, sql, params);
            case CHECK -> new CheckViolationException(e, sql, params);
            case INTEGRITY -> new IntegrityException(e, sql, params);
            case TOO_LONG -> new ValueTooLongException(e, sql, params);
            case OUT_OF_RANGE -> new NumericOutOfRangeException(e, sql, params);
            case UNSTORABLE -> new UnstorableValueException(e, sql, params);
            case DATA -> new DataException(e, sql, params);
            case CONNECTION -> new ConnectionException(e, sql, params);
            case TIMEOUT -> new QueryTimeoutException(e, sql, params);
            case DEADLOCK -> new DeadlockException(e, sql, params);
            case SERIALIZATION -> new SerializationFailureException(e, sql, params);
            case OPERATIONAL -> new OperationalException(e, sql, params);
            case SYNTAX -> new SyntaxErrorException(e, sql, params);
            case UNDEFINED_TABLE -> new UndefinedTableException(e, sql, params);
            case PROGRAMMING -> new ProgrammingException(e, sql, params);
            case OTHER -> new DatabaseException(e, sql, params);
        };
    }

    /** Maps by SQLSTATE (ISO/IEC 9075 and PostgreSQL's additions). */
    public static DatabaseException bySqlState(SQLException e, String sql, List<Object> params) {
        return of(kindOf(e), e, sql, params);
    }

    /** The kind a standard SQLSTATE stands for. */
    public static Kind kindOf(SQLException e) {
        if (e instanceof SQLTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (e instanceof SQLNonTransientConnectionException) {
            return Kind.CONNECTION;
        }
        if (e instanceof RefusedValue refused) {
            return refused.kind();
        }
        String state = e.getSQLState();
        if (state == null || state.length() < 2) {
            return Kind.OTHER;
        }
        return switch (state) {
            case "23505" -> Kind.UNIQUE;
            case "23503" -> Kind.FOREIGN_KEY;
            case "23502" -> Kind.NOT_NULL;
            case "23514" -> Kind.CHECK;
            case "22001" -> Kind.TOO_LONG;
            case "22003" -> Kind.OUT_OF_RANGE;
            case "40001" -> Kind.SERIALIZATION;
            case "40P01" -> Kind.DEADLOCK;
            case "57014", "55P03" -> Kind.TIMEOUT;
            // the server ended the session: terminated by an administrator, crashed, starting up or
            // idle too long. The connection is gone, so retry logic must see a connection failure.
            case "57P01", "57P02", "57P03", "57P05" -> Kind.CONNECTION;
            case "42601" -> Kind.SYNTAX;
            case "42P01" -> Kind.UNDEFINED_TABLE;
            default -> switch (state.substring(0, 2)) {
                case "23" -> Kind.INTEGRITY;
                case "22" -> Kind.DATA;
                case "08" -> Kind.CONNECTION;
                case "40", "53", "57", "58" -> Kind.OPERATIONAL;
                case "42", "0A" -> Kind.PROGRAMMING;
                default -> Kind.OTHER;
            };
        };
    }
}
