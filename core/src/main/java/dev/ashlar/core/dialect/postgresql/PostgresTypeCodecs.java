package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.dialect.ValueCodec;
import java.sql.Types;
import java.util.UUID;

/** PostgreSQL has native UUID and JSONB; everything else crosses JDBC the standard way. */
class PostgresTypeCodecs extends TypeCodecs {
    @Override
    protected ValueCodec<UUID> uuid() {
        return Codec.ofObject(Types.OTHER, (ps, i, v) -> ps.setObject(i, v), UUID.class);
    }

    /** Sent untyped, so the server casts it to the column's enum type (a varchar parameter would not cast). */
    @Override
    protected ValueCodec<String> databaseEnum() {
        return Codec.of(Types.OTHER, (ps, i, v) -> ps.setObject(i, v, Types.OTHER), Codec.Getter.STRING);
    }

    /** Sent as an untyped literal so the server casts it to jsonb (a varchar parameter would not cast). */
    @Override
    protected ValueCodec<String> json() {
        return Codec.of(Types.OTHER, (ps, i, v) -> ps.setObject(i, v, Types.OTHER), Codec.Getter.STRING);
    }
}
