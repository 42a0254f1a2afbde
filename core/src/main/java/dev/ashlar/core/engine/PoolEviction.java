package dev.ashlar.core.engine;

import com.zaxxer.hikari.SQLExceptionOverride;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.ConnectionException;
import java.sql.SQLException;

/**
 * Tells the engine's pool which failures mean a lost connection, beyond the SQLSTATEs it knows
 * itself: those the dialect translates into a {@link ConnectionException} (MariaDB's "connection was
 * killed", for one, has no 08 SQLSTATE). The pool asks this for every failure that passes through
 * its proxies and takes the connection out when told to, by its own mechanism.
 */
final class PoolEviction implements SQLExceptionOverride {
    private final Dialect dialect;

    PoolEviction(Dialect dialect) {
        this.dialect = dialect;
    }

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return dialect.translate(failure, null, null) instanceof ConnectionException ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
