package dev.ashlar.compliance.sql;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random predicate trees (comparisons, AND/OR/NOT, IS NULL, IN, BETWEEN over int, string and
 * nullable columns) must select on every database exactly the rows that SQL's three-valued logic,
 * evaluated here in Java, selects.
 */
class PredicatePropertyTest {
    private static final List<String> STRINGS = List.of("", "a", "ab", "b", "ba", "c");
    private static final MetaData MD = new MetaData();
    private static final Column<Integer> ID = Column.of("id", integer()).primaryKey().autoincrement(false);
    private static final Column<Integer> A = Column.of("a", integer());
    private static final Column<String> B = Column.of("b", string(5));
    private static final Column<Integer> C = Column.of("c", integer()).notNull();
    private static final Table T = MD.table("props", ID, A, B, C);
    private static final List<Object[]> ROWS = new ArrayList<>();
    private static final Map<String, Engine> ENGINES = new TreeMap<>();

    static {
        for (int i = 1; i <= 24; i++) {
            Integer a = i % 4 == 0 ? null : (i * 7) % 9 - 2;
            String b = i % 5 == 0 ? null : STRINGS.get(i % STRINGS.size());
            ROWS.add(new Object[] {i, a, b, i % 5});
        }
    }

    @BeforeContainer
    static void createTables() {
        for (TestDatabase db : TestDatabases.all()) {
            db.reset();
            Engine engine = Engine.create(db.url());
            SchemaDdl.createAll(engine, MD);
            try (Connection c = engine.connect()) {
                for (Object[] r : ROWS) {
                    c.execute(insertInto(T).set(ID, (Integer) r[0]).set(A, (Integer) r[1]).set(B, (String) r[2]).set(C, (Integer) r[3]));
                }
            }
            ENGINES.put(db.name(), engine);
        }
    }

    @AfterContainer
    static void closeEngines() {
        ENGINES.values().forEach(Engine::close);
        ENGINES.clear();
    }

    @Property(tries = 100)
    void everyDatabaseAgreesWithThreeValuedLogic(@ForAll("predicates") Pred p) {
        assertThat(ENGINES).isNotEmpty();
        if (TestDatabases.ci()) { // none may be missing: every selected database, or the one ashlar.test.url names
            assertThat(ENGINES).hasSize(TestDatabases.selected().isEmpty() ? 1 : TestDatabases.selected().size());
        }
        List<Integer> expected = new ArrayList<>();
        for (Object[] r : ROWS) {
            if (Boolean.TRUE.equals(p.eval(r))) {
                expected.add((Integer) r[0]);
            }
        }
        for (var entry : ENGINES.entrySet()) {
            try (Connection c = entry.getValue().connect()) {
                List<Integer> actual = Shop.column(c, select(ID).from(T).where(p.condition()).orderBy(ID));
                assertThat(actual).as(entry.getKey() + ": " + p).isEqualTo(expected);
            }
        }
    }

    @Provide
    Arbitrary<Pred> predicates() {
        return tree(3);
    }

    private static Arbitrary<Pred> tree(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Pred> sub = Arbitraries.lazy(() -> tree(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf()),
                Tuple.of(1, sub.map(Not::new)),
                Tuple.of(2, Combinators.combine(sub, sub).as(And::new)),
                Tuple.of(2, Combinators.combine(sub, sub).as(Or::new)));
    }

    private static Arbitrary<Pred> leaf() {
        Arbitrary<Integer> ints = Arbitraries.integers().between(-2, 6);
        Arbitrary<Boolean> intColumn = Arbitraries.of(true, false); // true: nullable a, false: not-null c
        return Arbitraries.oneOf(
                Combinators.combine(intColumn, Arbitraries.of(Op.values()), ints).as(IntCmp::new),
                Combinators.combine(Arbitraries.of(Op.values()), Arbitraries.of(STRINGS)).as(StrCmp::new),
                Combinators.combine(intColumn, Arbitraries.of(true, false)).as(IsNull::new),
                Combinators.combine(intColumn, ints.injectNull(0.2).list().ofMaxSize(4)).as(In::new),
                Combinators.combine(intColumn, ints, ints).as(Between::new));
    }

    enum Op { EQ, NE, LT, LE, GT, GE }

    /** A predicate that evaluates in Java (null is SQL's unknown) and compiles to a condition. */
    interface Pred {
        Boolean eval(Object[] row);

        Condition condition();
    }

    private static Boolean compare(Op op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    private static <T> Condition condition(Expression<T> e, Op op, T v) {
        return switch (op) {
            case EQ -> e.eq(v);
            case NE -> e.ne(v);
            case LT -> e.lt(v);
            case LE -> e.le(v);
            case GT -> e.gt(v);
            case GE -> e.ge(v);
        };
    }

    private static Column<Integer> column(boolean nullable) {
        return nullable ? A : C;
    }

    private static Integer value(boolean nullable, Object[] row) {
        return (Integer) row[nullable ? 1 : 3];
    }

    record IntCmp(boolean nullable, Op op, int v) implements Pred {
        public Boolean eval(Object[] r) {
            Integer x = value(nullable, r);
            return x == null ? null : compare(op, Integer.compare(x, v));
        }

        public Condition condition() {
            return PredicatePropertyTest.condition(column(nullable), op, v);
        }
    }

    record StrCmp(Op op, String v) implements Pred {
        public Boolean eval(Object[] r) {
            String x = (String) r[2];
            return x == null ? null : compare(op, x.compareTo(v));
        }

        public Condition condition() {
            return PredicatePropertyTest.condition(B, op, v);
        }
    }

    record IsNull(boolean onInt, boolean negated) implements Pred {
        public Boolean eval(Object[] r) {
            boolean isNull = (onInt ? r[1] : r[2]) == null;
            return negated != isNull;
        }

        public Condition condition() {
            Expression<?> e = onInt ? A : B;
            return negated ? e.isNotNull() : e.isNull();
        }
    }

    record In(boolean nullable, List<Integer> values) implements Pred {
        public Boolean eval(Object[] r) {
            if (values.isEmpty()) {
                return false;
            }
            Integer x = value(nullable, r);
            if (x == null) {
                return null;
            }
            if (values.stream().anyMatch(v -> Objects.equals(v, x))) {
                return true;
            }
            return values.contains(null) ? null : false;
        }

        public Condition condition() {
            return column(nullable).in(values);
        }
    }

    record Between(boolean nullable, int low, int high) implements Pred {
        public Boolean eval(Object[] r) {
            Integer x = value(nullable, r);
            return x == null ? null : low <= x && x <= high;
        }

        public Condition condition() {
            return column(nullable).between(low, high);
        }
    }

    record Not(Pred p) implements Pred {
        public Boolean eval(Object[] r) {
            Boolean v = p.eval(r);
            return v == null ? null : !v;
        }

        public Condition condition() {
            return p.condition().not();
        }
    }

    record And(Pred l, Pred r) implements Pred {
        public Boolean eval(Object[] row) {
            Boolean a = l.eval(row);
            Boolean b = r.eval(row);
            if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
                return false;
            }
            return a == null || b == null ? null : true;
        }

        public Condition condition() {
            return l.condition().and(r.condition());
        }
    }

    record Or(Pred l, Pred r) implements Pred {
        public Boolean eval(Object[] row) {
            Boolean a = l.eval(row);
            Boolean b = r.eval(row);
            if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
                return true;
            }
            return a == null || b == null ? null : false;
        }

        public Condition condition() {
            return l.condition().or(r.condition());
        }
    }
}
