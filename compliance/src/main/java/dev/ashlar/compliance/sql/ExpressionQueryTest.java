package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.dec;
import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.abs;
import static dev.ashlar.core.sql.Sql.cast;
import static dev.ashlar.core.sql.Sql.coalesce;
import static dev.ashlar.core.sql.Sql.concat;
import static dev.ashlar.core.sql.Sql.currentTimestamp;
import static dev.ashlar.core.sql.Sql.length;
import static dev.ashlar.core.sql.Sql.lower;
import static dev.ashlar.core.sql.Sql.round;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.substring;
import static dev.ashlar.core.sql.Sql.trim;
import static dev.ashlar.core.sql.Sql.upper;
import static dev.ashlar.core.sql.Sql.value;
import static dev.ashlar.core.sql.Sql.when;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Select;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Arithmetic, CASE, CAST, coalesce, string functions and the clock on every database. */
class ExpressionQueryTest {
    @AllDatabases
    void arithmeticIsTyped(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<BigDecimal> doubled = s.price.mul(2).as("doubled");
                Labeled<BigDecimal> quarter = s.price.div(4).as("quarter");
                Labeled<BigDecimal> discounted = s.price.sub(dec("0.5")).mul(dec("1.1")).as("discounted");
                Labeled<Integer> half = s.qty.div(2).as("half");
                Labeled<Integer> plus = s.qty.add(s.id).as("plus");
                Row r = c.query(select(doubled, quarter, discounted, half, plus).from(s.items).where(s.id.eq(1))).one();
                assertThat(r.get(doubled)).isEqualTo(dec("25.00"));
                assertThat(r.get(quarter)).isEqualTo(dec("3.125000"));
                assertThat(r.get(discounted)).isEqualTo(dec("13.200"));
                assertThat(r.get(half)).as("integer division everywhere").isEqualTo(5);
                assertThat(r.get(plus)).isEqualTo(11);
                assertThat(rows(c, select(s.name).from(s.items).where(s.price.mul(2).gt(dec("59"))).orderBy(s.id)))
                        .containsExactly(row("Drill"), row("Hose"));
                assertThat(rows(c, select(s.name).from(s.items).where(s.price.div(4).lt(dec("3.2"))).orderBy(s.id)))
                        .as("decimal division is not integer division").containsExactly(row("Hammer"));
                assertThatThrownBy(() -> s.name.mul(2)).isInstanceOf(dev.ashlar.core.error.AshlarException.class).hasMessageContaining("name");
            }
        }
    }

    @AllDatabases
    void caseCastCoalesce(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<String> band = when(s.price.lt(dec("15")), value("cheap", text()))
                        .when(s.price.lt(dec("50")), "mid").otherwise("dear").as("band");
                Labeled<Integer> q = coalesce(s.qty, 0).as("q");
                Labeled<Integer> q2 = coalesce(s.qty, s.supplierId, s.id).as("q2");
                Labeled<String> priceText = cast(s.id, string(10)).as("id_text");
                Labeled<Integer> whole = cast(s.price, integer()).as("whole");
                Select sel = select(s.name, band, q, q2, priceText, whole).from(s.items).where(s.id.in(1, 3, 4)).orderBy(s.id);
                assertThat(rows(c, sel)).containsExactly(
                        row("Hammer", "cheap", 10, 10, "1", 13),
                        row("Drill", "dear", 0, 1, "3", 100),
                        row("Rake", "mid", 7, 7, "4", 15));
                Labeled<String> noElse = when(s.id.eq(1), value("one", text())).as("x");
                assertThat(rows(c, select(noElse).from(s.items).where(s.id.le(2)).orderBy(s.id))).containsExactly(row("one"), row((Object) null));
            }
        }
    }

    @AllDatabases
    void stringFunctionsAndConcatenation(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<String> label = s.name.concat(" (").concat(s.id).concat(")").as("label");
                Labeled<String> joined = concat(upper(s.name), value("/", text()), lower(s.name)).as("joined");
                Labeled<Integer> len = length(s.name.concat("é")).as("len");
                Labeled<String> sub = substring(s.name, 2, 3).as("sub");
                Labeled<String> trimmed = trim(value("  x y  ", text())).as("trimmed");
                Row r = c.query(select(label, joined, len, sub, trimmed).from(s.items).where(s.id.eq(1))).one();
                assertThat(r.get(label)).isEqualTo("Hammer (1)");
                assertThat(r.get(joined)).isEqualTo("HAMMER/hammer");
                assertThat(r.get(len)).as("characters, not bytes").isEqualTo(7);
                assertThat(r.get(sub)).isEqualTo("amm");
                assertThat(r.get(trimmed)).isEqualTo("x y");
            }
        }
    }

    @AllDatabases
    void numericFunctionsAndClock(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<BigDecimal> absolute = abs(s.price.sub(dec("20"))).as("a");
                Labeled<BigDecimal> rounded = round(s.price.div(3), 1).as("r");
                Labeled<OffsetDateTime> now = currentTimestamp().as("now");
                Row r = c.query(select(absolute, rounded, now).from(s.items).where(s.id.eq(1))).one();
                assertThat(r.get(absolute)).isEqualTo(dec("7.50"));
                assertThat(r.get(rounded)).isEqualTo(dec("4.2"));
                assertThat(Duration.between(r.get(now), OffsetDateTime.now(ZoneOffset.UTC)).abs()).isLessThan(Duration.ofMinutes(2));
            }
        }
    }
}
