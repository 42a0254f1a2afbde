package dev.ashlar.core.dialect;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.sql.Arithmetic;
import dev.ashlar.core.sql.Comparison;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Excluded;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.FunctionCall;
import dev.ashlar.core.sql.InList;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Logical;
import dev.ashlar.core.sql.Not;
import dev.ashlar.core.sql.OnConflict;
import dev.ashlar.core.sql.NullTest;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.sql.SqlNode;
import dev.ashlar.core.sql.Star;
import dev.ashlar.core.sql.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes SQL text for a statement tree, one {@code visit} method per node kind. This class writes
 * standard SQL; each dialect's subclass overrides only the visits and hooks where its database
 * differs. A compiler is used for one statement and then thrown away.
 */
public class SqlCompiler {
    protected final Dialect dialect;
    protected final StringBuilder sql = new StringBuilder(128);
    protected final List<Param<?>> parameters = new ArrayList<>();
    /** Whether column references are qualified with their table name (true once a FROM has several tables). */
    protected boolean qualifyColumns;

    protected SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Compiles a statement or expression to SQL text and parameters. */
    public CompiledSql compile(SqlNode node) {
        node.accept(this);
        return new CompiledSql(sql.toString(), parameters);
    }

    // ---- output helpers -------------------------------------------------------------------

    protected SqlCompiler append(String text) {
        sql.append(text);
        return this;
    }

    protected SqlCompiler identifier(String name) {
        sql.append(dialect.quoteIdentifier(name));
        return this;
    }

    protected void list(List<? extends SqlNode> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            nodes.get(i).accept(this);
        }
    }

    /** Visits a child expression, wrapping it in parentheses when it is itself an operation. */
    protected void operand(SqlNode node) {
        boolean wrap = node instanceof Comparison || node instanceof Logical;
        if (wrap) {
            sql.append('(');
        }
        node.accept(this);
        if (wrap) {
            sql.append(')');
        }
    }

    // ---- expressions ----------------------------------------------------------------------

    public void visitColumn(Column<?> column) {
        if (qualifyColumns && column.table() != null) {
            identifier(column.table().name()).append(".");
        }
        identifier(column.name());
    }

    public void visitTable(Table table) {
        identifier(table.name());
    }

    public void visitParam(Param<?> param) {
        parameters.add(param);
        sql.append('?');
    }

    public void visitComparison(Comparison comparison) {
        operand(comparison.left());
        sql.append(' ').append(dialect.operator(comparison.operator())).append(' ');
        operand(comparison.right());
    }

    public void visitLogical(Logical logical) {
        operand(logical.left());
        sql.append(' ').append(logical.operator().sql()).append(' ');
        operand(logical.right());
    }

    public void visitNot(Not not) {
        sql.append("NOT (");
        not.condition().accept(this);
        sql.append(')');
    }

    public void visitNullTest(NullTest test) {
        operand(test.expression());
        sql.append(test.negated() ? " IS NOT NULL" : " IS NULL");
    }

    public void visitInList(InList in) {
        if (in.values().isEmpty()) {
            // "x IN ()" is a syntax error everywhere; an empty list matches nothing.
            sql.append("1 = 0");
            return;
        }
        operand(in.expression());
        sql.append(" IN (");
        list(in.values(), ", ");
        sql.append(')');
    }

    public void visitFunctionCall(FunctionCall<?> call) {
        sql.append(call.name()).append('(');
        list(call.arguments(), ", ");
        sql.append(')');
    }

    public void visitStar(Star star) {
        sql.append('*');
    }

    public void visitSortOrder(SortOrder order) {
        order.expression().accept(this);
        sql.append(order.ascending() ? " ASC" : " DESC");
        switch (order.nulls()) {
            case FIRST -> sql.append(" NULLS FIRST");
            case LAST -> sql.append(" NULLS LAST");
            case DEFAULT -> { }
        }
    }

    // ---- statements -----------------------------------------------------------------------

    public void visitSelect(Select select) {
        qualifyColumns = select.from().size() > 1;
        sql.append("SELECT ");
        if (select.isDistinct()) {
            sql.append("DISTINCT ");
        }
        list(select.columns(), ", ");
        if (!select.from().isEmpty()) {
            sql.append(" FROM ");
            list(select.from(), ", ");
        }
        if (select.where() != null) {
            sql.append(" WHERE ");
            select.where().accept(this);
        }
        if (!select.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            list(select.groupBy(), ", ");
        }
        if (select.having() != null) {
            sql.append(" HAVING ");
            select.having().accept(this);
        }
        if (!select.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            list(select.orderBy(), ", ");
        }
        limitOffset(select.limit(), select.offset());
    }

    /** {@code LIMIT n OFFSET m}; dialects that need a LIMIT before an OFFSET override this. */
    protected void limitOffset(Long limit, Long offset) {
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(offset);
        }
    }

    public void visitInsert(Insert insert) {
        sql.append("INSERT INTO ");
        identifier(insert.table().name());
        if (insert.select() != null) {
            insertSelect(insert);
        } else {
            insertValues(insert);
        }
        if (insert.onConflict() != null) {
            onConflict(insert.onConflict());
        }
        returning(insert.returning(), dialect.supportsInsertReturning(), "INSERT", insert.table());
    }

    public void visitUpdate(Update update) {
        Map<Column<?>, Expression<?>> values = update.valuesWithOnUpdate();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("UPDATE " + update.table().name() + " sets no column");
        }
        sql.append("UPDATE ");
        identifier(update.table().name());
        sql.append(" SET ");
        int i = 0;
        for (var entry : values.entrySet()) {
            if (i++ > 0) {
                sql.append(", ");
            }
            identifier(entry.getKey().name());
            sql.append(" = ");
            entry.getValue().accept(this);
        }
        if (update.where() != null) {
            sql.append(" WHERE ");
            update.where().accept(this);
        }
        returning(update.returning(), dialect.supportsUpdateReturning(), "UPDATE", update.table());
    }

    public void visitDelete(Delete delete) {
        sql.append("DELETE FROM ");
        identifier(delete.table().name());
        if (delete.where() != null) {
            sql.append(" WHERE ");
            delete.where().accept(this);
        }
        returning(delete.returning(), dialect.supportsDeleteReturning(), "DELETE", delete.table());
    }

    // ---- writes ---------------------------------------------------------------------------

    /** {@code (a, b) VALUES (?, ?), (?, ?)}: one group per row; every row must set the same columns. */
    protected void insertValues(Insert insert) {
        List<Map<Column<?>, Expression<?>>> rows = insert.rowCount() == 1 ? List.of(insert.valuesWithDefaults()) : insert.rowsWithDefaults();
        Map<Column<?>, Expression<?>> first = rows.get(0);
        if (first.isEmpty() && rows.size() == 1) {
            sql.append(' ').append(dialect.emptyInsertValues());
            return;
        }
        sql.append(" (");
        int i = 0;
        for (Column<?> column : first.keySet()) {
            if (i++ > 0) {
                sql.append(", ");
            }
            identifier(column.name());
        }
        sql.append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            Map<Column<?>, Expression<?>> row = rows.get(r);
            if (!row.keySet().equals(first.keySet())) {
                throw new IllegalArgumentException("the rows of one multi-row INSERT INTO " + insert.table().name()
                        + " must set the same columns: row 1 sets " + names(first.keySet()) + ", row " + (r + 1) + " sets " + names(row.keySet()));
            }
            sql.append(r > 0 ? ", (" : "(");
            list(List.copyOf(row.values()), ", ");
            sql.append(')');
        }
    }

    private static List<String> names(java.util.Collection<Column<?>> columns) {
        return columns.stream().map(Column::name).toList();
    }

    /** {@code (a, b) SELECT ...}. */
    protected void insertSelect(Insert insert) {
        sql.append(" (");
        int i = 0;
        for (Column<?> column : insert.selectColumns()) {
            if (i++ > 0) {
                sql.append(", ");
            }
            identifier(column.name());
        }
        sql.append(") ");
        insert.select().accept(this);
        qualifyColumns = false;
    }

    /** {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...}, shared by PostgreSQL and SQLite. */
    protected void onConflict(OnConflict conflict) {
        sql.append(" ON CONFLICT");
        if (!conflict.target().isEmpty()) {
            sql.append(" (");
            int i = 0;
            for (Column<?> column : conflict.target()) {
                if (i++ > 0) {
                    sql.append(", ");
                }
                identifier(column.name());
            }
            sql.append(')');
        }
        if (conflict.isDoNothing()) {
            sql.append(" DO NOTHING");
            return;
        }
        sql.append(" DO UPDATE SET ");
        assignments(conflict.updates());
    }

    /**
     * {@code a = expr, b = expr}. Column references on the right are qualified with their table,
     * since in an upsert a bare name could mean the existing or the proposed row.
     */
    protected void assignments(Map<Column<?>, Expression<?>> assignments) {
        boolean qualify = qualifyColumns;
        int i = 0;
        for (var entry : assignments.entrySet()) {
            if (i++ > 0) {
                sql.append(", ");
            }
            identifier(entry.getKey().name());
            sql.append(" = ");
            qualifyColumns = true;
            entry.getValue().accept(this);
            qualifyColumns = qualify;
        }
    }

    /** {@code RETURNING columns}, or a clear error where the database cannot return rows from this statement. */
    protected void returning(List<Column<?>> columns, boolean supported, String statement, Table table) {
        if (columns.isEmpty()) {
            return;
        }
        if (!supported) {
            throw new UnsupportedFeatureException(dialect.name() + " has no " + statement + " ... RETURNING (table " + table.name() + ")");
        }
        sql.append(" RETURNING ");
        boolean qualify = qualifyColumns;
        qualifyColumns = false;
        list(columns, ", ");
        qualifyColumns = qualify;
    }

    /** The value an upsert proposed for a column. */
    public void visitExcluded(Excluded<?> excluded) {
        sql.append("EXCLUDED.");
        identifier(excluded.column().name());
    }

    /** {@code left op right}, parenthesizing nested operations so that precedence is the tree's. */
    public void visitArithmetic(Arithmetic<?> arithmetic) {
        arithmeticOperand(arithmetic.left());
        sql.append(' ').append(arithmetic.operator()).append(' ');
        arithmeticOperand(arithmetic.right());
    }

    private void arithmeticOperand(Expression<?> operand) {
        boolean wrap = operand instanceof Arithmetic<?>;
        if (wrap) {
            sql.append('(');
        }
        operand(operand);
        if (wrap) {
            sql.append(')');
        }
    }
}
