package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.RefusedValue;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.dialect.ValueCodec;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * MariaDB has no time-zone type: instants cross as UTC local date-times. Its DOUBLE and FLOAT hold
 * no NaN or infinity: the driver would send the text {@code NaN}, which the server reads as a
 * column name, so those are refused before sending.
 */
class MariaDbTypeCodecs extends TypeCodecs {
    @Override
    protected ValueCodec<Double> float64() {
        return refused(super.float64()).refusing(v -> Double.isFinite(v) ? null : notFinite(v));
    }

    @Override
    protected ValueCodec<Float> float32() {
        return refused(super.float32()).refusing(v -> Float.isFinite(v) ? null : notFinite(v));
    }

    private static RefusedValue notFinite(Object value) {
        return RefusedValue.unstorable("mariadb cannot hold " + value + ": its DOUBLE and FLOAT columns hold finite numbers only."
                + " Store null, or use PostgreSQL, which keeps NaN and infinities");
    }

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
