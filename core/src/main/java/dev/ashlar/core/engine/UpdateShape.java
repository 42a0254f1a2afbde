package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.Comparison;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Logical;
import dev.ashlar.core.sql.Not;
import dev.ashlar.core.sql.NullTest;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.core.sql.Update;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Recognises UPDATEs that differ from a compiled one only in their bound values, so that a batch
 * of them is compiled once and then only bound. Two updates have the same shape when they update
 * the same table, assign the same columns in the same order, and have WHERE trees of the same
 * comparisons over the same columns, with a parameter of the same type wherever the other has one.
 * Only plain nodes (columns, parameters, comparisons, AND/OR/NOT, IS NULL) are recognised; any other
 * expression makes the statement be compiled as usual, so the fast path can never change the SQL.
 */
final class UpdateShape {
    private final Update template;
    private final int parameterCount;

    private UpdateShape(Update template, int parameterCount) {
        this.template = template;
        this.parameterCount = parameterCount;
    }

    /**
     * The shape of {@code statement} as compiled, or {@code null} when its values cannot be bound
     * without compiling: not a plain UPDATE, an on-update column filled in by the compiler, or
     * parameters that the compiler placed in another order than the tree walk finds them.
     */
    static UpdateShape of(Statement statement, CompiledSql compiled) {
        if (!(statement instanceof Update update) || !update.returning().isEmpty()) {
            return null;
        }
        List<Param<?>> found = new ArrayList<>(compiled.parameters().size());
        if (!collect(update, update, found)) {
            return null;
        }
        List<Param<?>> compiledParams = compiled.parameters();
        if (found.size() != compiledParams.size()) {
            return null;
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) != compiledParams.get(i)) {
                return null;
            }
        }
        return new UpdateShape(update, found.size());
    }

    /**
     * The parameters of {@code statement} in the compiled statement's order when it has this
     * shape, else {@code null}.
     */
    List<Param<?>> parameters(Statement statement) {
        if (!(statement instanceof Update update) || !update.returning().isEmpty()) {
            return null;
        }
        List<Param<?>> out = new ArrayList<>(parameterCount);
        return collect(template, update, out) ? out : null;
    }

    /** Walks both updates together, adding the candidate's parameters; false at the first difference. */
    private static boolean collect(Update template, Update candidate, List<Param<?>> out) {
        if (template.table() != candidate.table() || hasUnsetOnUpdate(candidate)) {
            return false;
        }
        Map<Column<?>, Expression<?>> a = template.values();
        Map<Column<?>, Expression<?>> b = candidate.values();
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<Column<?>, Expression<?>>> ia = a.entrySet().iterator();
        for (Map.Entry<Column<?>, Expression<?>> eb : b.entrySet()) {
            Map.Entry<Column<?>, Expression<?>> ea = ia.next();
            // Assigned values must be parameters: dialects may wrap other assigned expressions.
            if (ea.getKey() != eb.getKey() || !(ea.getValue() instanceof Param<?>) || !match(ea.getValue(), eb.getValue(), out)) {
                return false;
            }
        }
        if (template.where() == null || candidate.where() == null) {
            return template.where() == candidate.where();
        }
        return match(template.where(), candidate.where(), out);
    }

    /** An unset column with an on-update value gets a value the compiler makes, which cannot be bound ahead. */
    private static boolean hasUnsetOnUpdate(Update update) {
        for (Column<?> column : update.table().columns()) {
            if (column.onUpdate() != null && !update.values().containsKey(column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean match(Expression<?> a, Expression<?> b, List<Param<?>> out) {
        if (a instanceof Param<?> pa) {
            if (b instanceof Param<?> pb && pa.type().equals(pb.type())) {
                out.add(pb);
                return true;
            }
            return false;
        }
        if (a instanceof Column<?>) {
            return a == b;
        }
        if (a instanceof Comparison ca) {
            return b instanceof Comparison cb && ca.operator() == cb.operator()
                    && match(ca.left(), cb.left(), out) && match(ca.right(), cb.right(), out);
        }
        if (a instanceof Logical la) {
            return b instanceof Logical lb && la.operator() == lb.operator()
                    && match(la.left(), lb.left(), out) && match(la.right(), lb.right(), out);
        }
        if (a instanceof Not na) {
            return b instanceof Not nb && match(na.condition(), nb.condition(), out);
        }
        if (a instanceof NullTest ta) {
            return b instanceof NullTest tb && ta.negated() == tb.negated() && match(ta.expression(), tb.expression(), out);
        }
        return false;
    }
}
