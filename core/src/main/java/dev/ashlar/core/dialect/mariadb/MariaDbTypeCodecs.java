package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.dialect.ValueCodec;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** MariaDB has no time-zone type: instants cross as UTC local date-times. */
class MariaDbTypeCodecs extends TypeCodecs {
    @Override
    protected ValueCodec<OffsetDateTime> dateTimeTz() {
        return Codec.of(Types.TIMESTAMP,
                (ps, i, v) -> ps.setObject(i, v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                (rs, i) -> {
                    LocalDateTime v = rs.getObject(i, LocalDateTime.class);
                    return v == null ? null : v.atOffset(ZoneOffset.UTC);
                });
    }
}
