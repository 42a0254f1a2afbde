package dev.ashlar.compliance.types;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.fixedString;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Padding;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.ValueTooLongException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fixedString(n)} is {@code CHAR(n)} on every database, padded as each database pads it:
 * Ashlar returns exactly what the database returns (checked against plain JDBC), and refuses a value
 * longer than {@code n} everywhere, SQLite included.
 */
class FixedStringTypeTest {
    final MetaData md = new MetaData();
    final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
    final Column<String> code = Column.of("code", fixedString(5));
    final Table codes = md.table("codes", id, code);

    /** Shorter than n, exactly n, with trailing spaces, multi-byte (4 characters, one outside the BMP), spaces beyond n. */
    static final String[] VALUES = {"ab", "abcde", "ab ", "äö€😀", "abcde   "};

    /**
     * What the database gives back for {@link #VALUES}, as its dialect declares it (and the README's
     * type table documents): every database cuts the spaces beyond 5; PostgreSQL pads to 5 and returns
     * the padding, MariaDB strips trailing spaces on read, SQLite keeps what it was given.
     */
    static String[] expected(Padding padding) {
        String[] out = new String[VALUES.length];
        for (int i = 0; i < VALUES.length; i++) {
            // the values longer than 5 are longer only by spaces, which are cut
            String cut = VALUES[i].substring(0, VALUES[i].offsetByCodePoints(0, Math.min(5, VALUES[i].codePointCount(0, VALUES[i].length()))));
            out[i] = switch (padding) {
                case PADDED -> cut + " ".repeat(5 - cut.codePointCount(0, cut.length()));
                case STRIPPED -> cut.stripTrailing();
                case KEPT -> cut;
            };
        }
        return out;
    }

    @AllDatabases
    void roundTripsAsTheDatabaseStoresIt(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection c = engine.connect()) {
                for (int i = 0; i < VALUES.length; i++) {
                    c.execute(insertInto(codes).set(id, i + 1).set(code, VALUES[i]));
                }
                Map<Integer, String> read = new LinkedHashMap<>();
                c.query(select(id, code).from(codes).orderBy(id.asc())).list().forEach(r -> read.put(r.get(id), r.get(code)));
                assertThat(read.values()).containsExactly(expected(c.dialect().fixedStringPadding()));

                // Ashlar neither pads nor trims: it returns what plain JDBC reads
                try (var jdbc = db.openJdbc(); PreparedStatement ps = jdbc.prepareStatement("SELECT code FROM codes ORDER BY id");
                        ResultSet rs = ps.executeQuery()) {
                    for (String value : read.values()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(value);
                    }
                }
                // a comparison with the unpadded value finds the row on every database
                assertThat(c.query(select(id).from(codes).where(code.eq("ab")).orderBy(id.asc())).list())
                        .extracting(r -> r.get(id)).contains(1);
            }
        }
    }

    @AllDatabases
    void refusesAValueLongerThanTheLength(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection c = engine.connect()) {
                assertThatThrownBy(() -> c.execute(insertInto(codes).set(id, 1).set(code, "abcdef")))
                        .isInstanceOf(ValueTooLongException.class);
                assertThatThrownBy(() -> c.execute(insertInto(codes).set(id, 2).set(code, "äö€😀xy")))
                        .isInstanceOf(ValueTooLongException.class);
                assertThatThrownBy(() -> c.execute(insertInto(codes).set(id, 3).set(code, "abcd e")))
                        .isInstanceOf(ValueTooLongException.class);
                // through a batch too (SQLite's check sits in the codec, which every write path uses)
                assertThatThrownBy(() -> c.executeBatch(java.util.List.of(insertInto(codes).set(id, 4).set(code, "abcdefg"))))
                        .isInstanceOf(ValueTooLongException.class);
            }
            try (var jdbc = db.openJdbc(); ResultSet rs = jdbc.createStatement().executeQuery("SELECT COUNT(*) FROM codes")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @AllDatabases
    void isCharOfNInTheCatalog(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            // reflection reads it back as the same type, so a schema diff sees no change
            try (Connection c = engine.connect()) {
                MetaData reflected = dev.ashlar.core.reflect.Inspector.of(c).reflect();
                assertThat(reflected.get("codes").column("code").type()).isEqualTo(fixedString(5));
                assertThat(dev.ashlar.core.diff.SchemaDiff.compare(reflected, md, c.dialect()).changes()).isEmpty();
            }
        }
        assertThat(db.queryOne(db.vendor().declaredType("codes", "code")).toLowerCase(java.util.Locale.ROOT))
                .isIn("char(5)", "character(5)");
    }
}
