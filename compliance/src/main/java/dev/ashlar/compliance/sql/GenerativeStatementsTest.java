package dev.ashlar.compliance.sql;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.postgresql.PostgresDialect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.sql.CompoundSelect;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Join;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.sql.Update;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Statements are values: every builder call returns a new statement and leaves the one it was
 * called on as it was, so a base query kept in a constant can be extended anywhere, from any thread.
 */
class GenerativeStatementsTest {
    private static final Shop S = new Shop();
    /** A shared base with a condition and an order, so that both threads add to clauses that already hold something. */
    private static final Select BASE = select(S.id, S.name).from(S.items).where(S.price.gt(BigDecimal.ONE)).orderBy(S.name.asc());

    @Test
    void twoThreadsExtendingOneBaseSelectNeverSeeEachOthersConditions() throws Exception {
        bothRightEveryTime(GenerativeStatementsTest::extender);
        assertThat(BASE.where()).isEqualTo(S.price.gt(BigDecimal.ONE));
        assertThat(BASE.orderBy()).containsExactly(S.name.asc());
        assertThat(BASE.joins()).isEmpty();
    }

    /**
     * Runs two of {@code task}'s workers at once, released by one barrier, the first numbering its values from
     * 1,000,000 and the second from 2,000,000, and checks that each got all of its 10,000 statements right.
     */
    private static void bothRightEveryTime(BiFunction<CyclicBarrier, Integer, Callable<Integer>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(task.apply(start, 1_000_000));
            Future<Integer> b = pool.submit(task.apply(start, 2_000_000));
            assertThat(a.get()).isEqualTo(10_000);
            assertThat(b.get()).isEqualTo(10_000);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Extends {@link #BASE} 10,000 times with conditions, orders and joins of its own, checking each result; returns how many were right. */
    private static Callable<Integer> extender(CyclicBarrier start, int first) {
        PostgresDialect dialect = new PostgresDialect();
        return () -> {
            start.await();
            int right = 0;
            for (int i = first; i < first + 10_000; i++) {
                Condition mine = S.id.eq(i);
                SortOrder order = S.qty.desc();
                Select q = BASE.where(mine).orderBy(order).limit(i);
                Condition expected = S.price.gt(BigDecimal.ONE).and(mine);
                CompiledSql compiled = dialect.compile(q);
                if (q.where().equals(expected) && q.orderBy().equals(List.of(S.name.asc(), order)) && q.limit() == i
                        && compiled.parameterValues().equals(List.of(BigDecimal.ONE, i))) {
                    right++;
                }
            }
            return right;
        };
    }

    /** A base insert of two rows, so that both threads end a row and add one to rows that already exist. */
    private static final Insert BASE_INSERT = insertInto(S.items).set(S.id, 1).set(S.name, "a").nextRow().set(S.id, 2).set(S.name, "b");

    @Test
    void twoThreadsExtendingOneBaseInsertNeverSeeEachOthersRows() throws Exception {
        bothRightEveryTime(GenerativeStatementsTest::rowAdder);
        assertThat(BASE_INSERT.rowsWithDefaults()).extracting(row -> (Object) row.get(S.id))
                .containsExactly(Param.of(1, S.id.type()), Param.of(2, S.id.type()));
    }

    /** Adds rows of its own to {@link #BASE_INSERT} 10,000 times, checking each result; returns how many were right. */
    private static Callable<Integer> rowAdder(CyclicBarrier start, int first) {
        return () -> {
            start.await();
            int right = 0;
            for (int i = first; i < first + 10_000; i++) {
                Insert longer = BASE_INSERT.nextRow().set(S.id, i).nextRow().set(S.id, i + 1).set(S.name, "n" + i);
                List<Object> ids = longer.rowsWithDefaults().stream().map(row -> (Object) row.get(S.id)).toList();
                if (longer.rowCount() == 4 && ids.equals(List.of(Param.of(1, S.id.type()), Param.of(2, S.id.type()),
                        Param.of(i, S.id.type()), Param.of(i + 1, S.id.type())))) {
                    right++;
                }
            }
            return right;
        };
    }

    @Test
    void aColumnSetAgainKeepsItsPlaceAndEveryWayOfGivingRowsKeepsTheirOrder() {
        Insert reset = insertInto(S.items).set(S.id, 1).set(S.name, "a").set(S.qty, 5).set(S.id, 2);
        assertThat(List.copyOf(reset.values().keySet())).containsExactly(S.id, S.name, S.qty);
        assertThat(reset.values().get(S.id)).isEqualTo(Param.of(2, S.id.type()));
        assertThat(reset.values()).hasSize(3);

        Insert fromMaps = insertInto(S.items).set(S.id, 1).values(Map.of(S.id, 2)).values(Map.of(S.id, 3));
        assertThat(fromMaps.rowCount()).isEqualTo(3);
        assertThat(fromMaps.rowsWithDefaults()).extracting(row -> (Object) row.get(S.id))
                .containsExactly(Param.of(1, S.id.type()), Param.of(2, S.id.type()), Param.of(3, S.id.type()));

        Insert replaced = reset.withRows(fromMaps.rowsWithDefaults().subList(1, 3));
        assertThat(replaced.rowCount()).isEqualTo(2);
        assertThat(replaced.rowsWithDefaults()).extracting(row -> (Object) row.get(S.id))
                .containsExactly(Param.of(2, S.id.type()), Param.of(3, S.id.type()));
        assertThat(reset.rowCount()).isEqualTo(1);
    }

    @Test
    void everyBuilderCallLeavesItsStatementAsItWas() {
        Select base = select(S.name).from(S.items);
        Select grouped = base.groupBy(S.name).having(S.name.ne("x")).distinct().offset(2);
        assertThat(base.groupBy()).isEmpty();
        assertThat(base.having()).isNull();
        assertThat(base.isDistinct()).isFalse();
        assertThat(base.offset()).isNull();
        assertThat(grouped.groupBy()).containsExactly(S.name);

        Select joined = base.join(S.categories);
        Select other = base.join(S.suppliers);
        assertThat(base.joins()).isEmpty();
        assertThat(joined.joins()).extracting(Join::target).containsExactly(S.categories);
        assertThat(other.joins()).extracting(Join::target).containsExactly(S.suppliers);

        CompoundSelect union = base.union(select(S.catName).from(S.categories));
        CompoundSelect ordered = union.orderBy(S.name.asc());
        CompoundSelect longer = union.union(select(S.supName).from(S.suppliers));
        assertThat(union.orderBy()).isEmpty();
        assertThat(union.parts()).hasSize(1);
        assertThat(ordered.orderBy()).hasSize(1);
        assertThat(longer.parts()).hasSize(2);

        Insert one = insertInto(S.items).set(S.id, 1).set(S.name, "a");
        Insert two = one.nextRow().set(S.id, 2);
        Insert otherTwo = one.nextRow().set(S.id, 3);
        Insert upsert = one.onConflict(S.id).doUpdate(S.name);
        assertThat(one.rowCount()).isEqualTo(1);
        assertThat(one.onConflict()).isNull();
        assertThat(upsert.onConflict().updates()).containsOnlyKeys(S.name);
        assertThat(two.rowsWithDefaults()).extracting(row -> (Object) row.get(S.id)).containsExactly(Param.of(1, S.id.type()), Param.of(2, S.id.type()));
        assertThat(otherTwo.rowsWithDefaults()).extracting(row -> (Object) row.get(S.id)).containsExactly(Param.of(1, S.id.type()), Param.of(3, S.id.type()));
        assertThat(one.set(S.name, "b").values().get(S.name)).isEqualTo(Param.of("b", S.name.type()));
        assertThat(one.values().get(S.name)).isEqualTo(Param.of("a", S.name.type()));
        assertThat(List.copyOf(one.set(S.name, "b").values().keySet())).containsExactly(S.id, S.name);

        Update u = update(S.items).set(S.name, "n");
        Update u2 = u.set(S.qty, 3).where(S.id.eq(1));
        assertThat(u.values()).containsOnlyKeys(S.name);
        assertThat(u.where()).isNull();
        assertThat(u2.values()).containsOnlyKeys(S.name, S.qty);

        Delete d = deleteFrom(S.items);
        assertThat(d.where(S.id.eq(1)).where()).isNotNull();
        assertThat(d.where()).isNull();
    }

    /** A shared base query, extended differently by several callers, returns each caller's rows. */
    @AllDatabases
    void aSharedBaseQueryRunsExtendedInManyWays(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            Select base = select(s.name).from(s.items).where(s.price.lt(new BigDecimal("50"))).orderBy(s.name.asc());
            try (Connection c = engine.connect()) {
                assertThat(Shop.rows(c, base.where(s.categoryId.eq(3)))).containsExactly(Shop.row("Hammer"), Shop.row("Saw"));
                assertThat(Shop.rows(c, base.where(s.categoryId.eq(2)).limit(2))).containsExactly(Shop.row("Hose"), Shop.row("Rake"));
                assertThat(Shop.rows(c, base)).containsExactly(Shop.row("Hammer"), Shop.row("Hose"), Shop.row("Rake"), Shop.row("Saw"),
                        Shop.row("shovel"));
            }
        }
    }
}
