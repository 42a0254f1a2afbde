package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Query;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.core.sql.Update;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement compiled once and run many times with other values, for the hot paths that run one
 * shape of statement again and again (a load by primary key, a multi-row insert of a fixed row
 * count). Build the statement with placeholder parameters ({@link #slot}), name them in order, and
 * run it with {@link Connection#query(StatementTemplate, Object...)}: the values are bound through
 * the slots' types' codecs in place of the placeholders, without building or compiling anything.
 * Thread-safe; the compiled SQL is kept per dialect of the last connection that ran it.
 *
 * <pre>{@code
 * Param<Long> id = StatementTemplate.slot(bigInteger());
 * StatementTemplate byId = StatementTemplate.of(select(items.columns()).from(items).where(itemId.eq(id)), id);
 * conn.query(byId, 42L).list();
 * }</pre>
 */
public final class StatementTemplate {
    private final Statement statement;
    private final List<? extends Expression<?>> resultColumns;
    private final List<Param<?>> slots;
    private volatile Compiled compiled;

    /**
     * The SQL for one dialect, for each compiled parameter the index of its slot, and the codec that
     * binds it (looked up once here: a 1,000-row insert template has thousands of parameters, and
     * looking their codecs up on every run cost as much as binding them).
     */
    @SuppressWarnings("rawtypes")
    record Compiled(Dialect dialect, String sql, int[] slotOfParameter, ValueCodec[] codecs) {
    }

    private StatementTemplate(Statement statement, List<? extends Expression<?>> resultColumns, List<Param<?>> slots) {
        this.statement = statement;
        this.resultColumns = resultColumns;
        this.slots = slots;
    }

    /** A placeholder parameter of {@code type}; each call makes a distinct one. */
    public static <T> Param<T> slot(dev.ashlar.core.types.SqlType<T> type) {
        return new Param<>(null, type);
    }

    /**
     * A template of {@code statement} whose values are {@code slots}, in the order values are given
     * when it runs. The statement must return rows (a query, or a write with RETURNING), and every
     * parameter the compiler finds in it must be one of the slots: a client default the compiler
     * would fill in, or a constant parameter, cannot be rebound and is refused when it first runs.
     */
    public static StatementTemplate of(Statement statement, Param<?>... slots) {
        return new StatementTemplate(statement, resultColumns(statement), List.of(slots));
    }

    /**
     * A template of a write ({@code INSERT}, {@code UPDATE} or {@code DELETE}) whose result is its
     * row count, run in batches with {@link Connection#executeBatch(StatementTemplate, List)}; the
     * slots are named in the order each row's values are given.
     */
    public static StatementTemplate write(Statement statement, Param<?>... slots) {
        if (statement instanceof Query) {
            throw new UsageException("a write template takes an INSERT, UPDATE or DELETE, not a query; "
                    + "use StatementTemplate.of for a query");
        }
        return new StatementTemplate(statement, List.of(), List.of(slots));
    }

    private static List<? extends Expression<?>> resultColumns(Statement statement) {
        if (statement instanceof Query query) {
            return query.columns();
        }
        List<? extends Expression<?>> returning = statement instanceof Insert i ? i.returning()
                : statement instanceof Update u ? u.returning()
                : statement instanceof Delete d ? d.returning() : List.of();
        if (returning.isEmpty()) {
            throw new UsageException("a statement template must return rows (a query or a write with RETURNING); "
                    + "use StatementTemplate.write for a write that returns none");
        }
        return returning;
    }

    /** The number of values each run binds. */
    public int slotCount() {
        return slots.size();
    }

    /** Refuses a run whose number of values is not this template's number of slots. */
    void checkArity(Object[] values) {
        if (values.length != slots.size()) {
            throw new UsageException("the template has " + slots.size() + " slots, given " + values.length
                    + " values; pass one value per slot, in the slots' order");
        }
    }

    /** The statement the template was made from, for the tables it names. */
    Statement statement() {
        return statement;
    }

    List<? extends Expression<?>> resultColumns() {
        return resultColumns;
    }

    /** The SQL for {@code dialect}, compiled on first use (per dialect). */
    Compiled compiled(Dialect dialect) {
        Compiled c = compiled;
        if (c != null && c.dialect() == dialect) {
            return c;
        }
        CompiledSql sql = dialect.compile(statement);
        Map<Param<?>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            index.put(slots.get(i), i);
        }
        List<Param<?>> params = sql.parameters();
        int[] slotOf = new int[params.size()];
        for (int i = 0; i < slotOf.length; i++) {
            Integer slot = index.get(params.get(i));
            if (slot == null) {
                throw new UsageException("statement template " + sql.sql() + " has a parameter that is not one of its slots: "
                        + params.get(i) + " (client defaults and constant values cannot be rebound)");
            }
            slotOf[i] = slot;
        }
        ValueCodec<?>[] codecs = new ValueCodec<?>[slotOf.length];
        for (int i = 0; i < slotOf.length; i++) {
            codecs[i] = dialect.codec(slots.get(slotOf[i]).type());
        }
        c = new Compiled(dialect, sql.sql(), slotOf, codecs);
        compiled = c;
        return c;
    }
}
