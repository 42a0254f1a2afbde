package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.dateTimeTz;
import static dev.ashlar.core.types.Types.float32;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.largeBinary;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.smallInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static dev.ashlar.core.types.Types.time;
import static dev.ashlar.core.types.Types.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@link Codec#readRow}, which every query's rows are read with, reads each column as the column's
 * codec reads it alone ({@link ValueCodec#read}): the two hold the same getter switch, written out
 * twice on purpose (see {@code readRow}), and must not drift apart. One row of values of every usual
 * type and one row of nulls, read back over plain JDBC both ways.
 */
class CodecRowTest {
    private static final List<SqlType<?>> TYPES = List.of(integer(), smallInteger(), bigInteger(), bool(), float32(),
            float64(), string(20), text(), numeric(10, 2), date(), dateTime(), dateTimeTz(), time(), uuid(), largeBinary());

    private static final List<Object> VALUES = List.of(-7, (short) 12, 9_000_000_000L, true, 1.5f, -2.25, "short", "long text \u00e9",
            new BigDecimal("12345678.91"), LocalDate.of(2026, 12, 3), LocalDateTime.of(2026, 12, 3, 15, 30, 1),
            OffsetDateTime.of(2026, 12, 3, 15, 30, 1, 0, ZoneOffset.UTC), LocalTime.of(15, 30, 1),
            UUID.fromString("0b6f1e52-3c41-4f55-9d0c-2f4b5d6e7f80"), new byte[] {0, 1, 2, (byte) 255});

    @AllDatabases
    void aRowReadsAsItsColumnsReadAlone(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            MetaData md = new MetaData();
            List<Column<?>> columns = new ArrayList<>();
            columns.add(Column.of("id", integer()).primaryKey().autoincrement(false));
            for (int i = 0; i < TYPES.size(); i++) {
                columns.add(Column.of("c" + i, TYPES.get(i)));
            }
            Table table = md.table("codec_row", columns.toArray(new Column<?>[0]));
            SchemaDdl.createAll(conn, md);
            conn.execute(withValues(insertInto(table).set(integerColumn(table), 1), table, VALUES));
            conn.execute(insertInto(table).set(integerColumn(table), 2));

            ValueCodec<?>[] codecs = new ValueCodec<?>[TYPES.size()];
            for (int i = 0; i < codecs.length; i++) {
                codecs[i] = conn.dialect().codec(TYPES.get(i));
            }
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < TYPES.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("c").append(i);
            }
            sql.append(" FROM codec_row ORDER BY id");
            List<Object[]> byRow = new ArrayList<>();
            List<Object[]> alone = new ArrayList<>();
            try (java.sql.Connection jdbc = db.openJdbc(); PreparedStatement ps = jdbc.prepareStatement(sql.toString());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byRow.add(Codec.readRow(rs, codecs));
                    Object[] each = new Object[codecs.length];
                    for (int i = 0; i < codecs.length; i++) {
                        each[i] = codecs[i].read(rs, i + 1);
                    }
                    alone.add(each);
                }
            }

            assertThat(byRow).hasSize(2);
            for (int r = 0; r < 2; r++) {
                assertThat(byRow.get(r)).as("row %d", r + 1).containsExactly(alone.get(r));
            }
            // and what came back is what went in (an OffsetDateTime compared as an instant: some databases keep UTC only)
            Object[] first = byRow.get(0);
            for (int i = 0; i < VALUES.size(); i++) {
                Object expected = VALUES.get(i);
                if (expected instanceof OffsetDateTime odt) {
                    assertThat(((OffsetDateTime) first[i]).toInstant()).as(TYPES.get(i).toString()).isEqualTo(odt.toInstant());
                } else {
                    assertThat(first[i]).as(TYPES.get(i).toString()).isEqualTo(expected);
                }
            }
            assertThat(byRow.get(1)).containsOnlyNulls();
        }
    }

    @SuppressWarnings("unchecked")
    private static Column<Integer> integerColumn(Table table) {
        return (Column<Integer>) table.columns().get(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Insert withValues(Insert insert, Table table, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            insert = insert.set((Column) table.columns().get(i + 1), values.get(i));
        }
        return insert;
    }
}
