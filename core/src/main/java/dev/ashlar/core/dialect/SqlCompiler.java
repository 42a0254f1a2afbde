package dev.ashlar.core.dialect;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.sql.Arithmetic;
import dev.ashlar.core.sql.Between;
import dev.ashlar.core.sql.Case;
import dev.ashlar.core.sql.Cast;
import dev.ashlar.core.sql.Comparison;
import dev.ashlar.core.sql.CompoundSelect;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Cte;
import dev.ashlar.core.sql.CurrentDate;
import dev.ashlar.core.sql.DateAdd;
import dev.ashlar.core.sql.DateTrunc;
import dev.ashlar.core.sql.Extract;
import dev.ashlar.core.sql.DerivedTable;
import dev.ashlar.core.sql.DistinctArgument;
import dev.ashlar.core.sql.Exists;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Excluded;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.FunctionCall;
import dev.ashlar.core.sql.InList;
import dev.ashlar.core.sql.InSubquery;
import dev.ashlar.core.sql.Join;
import dev.ashlar.core.sql.JoinType;
import dev.ashlar.core.sql.Keyword;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Like;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Logical;
import dev.ashlar.core.sql.Not;
import dev.ashlar.core.sql.OnConflict;
import dev.ashlar.core.sql.NullTest;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.QualifiedColumn;
import dev.ashlar.core.sql.Query;
import dev.ashlar.core.sql.ScalarSubquery;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.sql.SqlNode;
import dev.ashlar.core.sql.SetOperator;
import dev.ashlar.core.sql.Star;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.core.sql.Update;
import dev.ashlar.core.sql.Window;
import dev.ashlar.core.sql.WindowFunction;
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
    /** Whether column references are qualified with their table name (inside every SELECT, so that correlated subqueries resolve). */
    protected boolean qualifyColumns;
    /** Whether a statement's ORDER BY is being written, where labelled expressions are referred to by label. */
    protected boolean inOrderBy;
    private int derivedNames;
    /** The table behind each alias written so far ({@code items AS i}), made on the first alias. */
    private Map<String, String> tableByAlias;

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
        boolean wrap = node instanceof Condition && !(node instanceof Exists) || node instanceof Arithmetic;
        if (wrap) {
            sql.append('(');
        }
        node.accept(this);
        if (wrap) {
            sql.append(')');
        }
    }

    // ---- expressions ----------------------------------------------------------------------

    /** Writes a {@link Column}. */
    public void visitColumn(Column<?> column) {
        if (qualifyColumns && column.table() != null) {
            identifier(column.table().name()).append(".");
        }
        identifier(column.name());
    }

    /** Writes a {@link Table}. */
    public void visitTable(Table table) {
        identifier(table.name());
    }

    /** Writes a {@link Param}. */
    public void visitParam(Param<?> param) {
        parameters.add(param);
        sql.append('?');
    }

    /** Writes a {@link Comparison}. */
    public void visitComparison(Comparison comparison) {
        operand(comparison.left());
        sql.append(' ').append(dialect.operator(comparison.operator())).append(' ');
        operand(comparison.right());
    }

    /** Writes a {@link Logical}. */
    public void visitLogical(Logical logical) {
        operand(logical.left());
        sql.append(' ').append(logical.operator().sql()).append(' ');
        operand(logical.right());
    }

    /** Writes a {@link Not}. */
    public void visitNot(Not not) {
        sql.append("NOT (");
        not.condition().accept(this);
        sql.append(')');
    }

    /** Writes a {@link NullTest}. */
    public void visitNullTest(NullTest test) {
        operand(test.expression());
        sql.append(test.negated() ? " IS NOT NULL" : " IS NULL");
    }

    /** Writes a {@link InList}. */
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

    /** Writes a {@link FunctionCall}. */
    public void visitFunctionCall(FunctionCall<?> call) {
        sql.append(functionName(call.name())).append('(');
        list(call.arguments(), ", ");
        sql.append(')');
    }

    /** Writes a {@link Star}. */
    public void visitStar(Star star) {
        sql.append('*');
    }

    /** Writes a {@link SortOrder}. */
    public void visitSortOrder(SortOrder order) {
        order.expression().accept(this);
        sql.append(order.ascending() ? " ASC" : " DESC");
        switch (order.nulls()) {
            case FIRST -> sql.append(" NULLS FIRST");
            case LAST -> sql.append(" NULLS LAST");
            case DEFAULT -> { }
        }
    }

    /** Writes a {@link QualifiedColumn}. */
    public void visitQualifiedColumn(QualifiedColumn<?> column) {
        if (qualifyColumns) {
            identifier(column.qualifier()).append(".");
        }
        identifier(column.name());
    }

    /** A labelled expression outside a select list: its label in ORDER BY, else the expression itself. */
    public void visitLabeled(Labeled<?> labeled) {
        if (inOrderBy) {
            identifier(labeled.label());
        } else {
            labeled.expression().accept(this);
        }
    }

    /**
     * {@code x LIKE p ESCAPE 'e'}: the explicit escape character works the same on every database
     * (SQLite has no default escape). Case-insensitive matching lowers both sides, which under a
     * binary collation (MariaDB's tables) folds all of Unicode; PostgreSQL and SQLite override this.
     */
    public void visitLike(Like like) {
        if (like.ignoreCase()) {
            sql.append("lower(");
            like.expression().accept(this);
            sql.append(") LIKE lower(");
            like.pattern().accept(this);
            sql.append(')');
        } else {
            operand(like.expression());
            sql.append(" LIKE ");
            operand(like.pattern());
        }
        sql.append(" ESCAPE ").append(dialect.stringLiteral(String.valueOf(like.escape())));
    }

    /** Writes a {@link Between}. */
    public void visitBetween(Between between) {
        operand(between.expression());
        sql.append(" BETWEEN ");
        operand(between.low());
        sql.append(" AND ");
        operand(between.high());
    }

    /** Writes a {@link InSubquery}. */
    public void visitInSubquery(InSubquery in) {
        operand(in.expression());
        sql.append(" IN ");
        subquery(in.query());
    }

    /** Writes a {@link Exists}. */
    public void visitExists(Exists exists) {
        sql.append("EXISTS ");
        subquery(exists.query());
    }

    /** Writes a {@link ScalarSubquery}. */
    public void visitScalarSubquery(ScalarSubquery<?> scalar) {
        subquery(scalar.query());
    }

    /** {@code (query)}, compiled in its own scope. */
    protected void subquery(Query query) {
        sql.append('(');
        query.accept(this);
        sql.append(')');
    }

    /** Writes a {@link Arithmetic}. */
    public void visitArithmetic(Arithmetic<?> arithmetic) {
        operand(arithmetic.left());
        sql.append(' ').append(arithmeticOperator(arithmetic)).append(' ');
        operand(arithmetic.right());
    }

    /** How an arithmetic operator is spelled; MariaDB overrides integer division. */
    protected String arithmeticOperator(Arithmetic<?> arithmetic) {
        return dialect.operator(arithmetic.operator());
    }

    /** Writes a {@link Cast}. */
    public void visitCast(Cast<?> cast) {
        sql.append("CAST(");
        cast.expression().accept(this);
        sql.append(" AS ").append(castType(cast.type())).append(')');
    }

    /** The type name in {@code CAST(x AS type)}: the DDL name by default. */
    protected String castType(dev.ashlar.core.types.SqlType<?> type) {
        return dialect.ddl().types().render(type);
    }

    /** Writes a {@link Case}. */
    public void visitCase(Case<?> c) {
        sql.append("CASE");
        for (Case.When<?> when : c.whens()) {
            sql.append(" WHEN ");
            when.condition().accept(this);
            sql.append(" THEN ");
            when.value().accept(this);
        }
        if (c.otherwiseValue() != null) {
            sql.append(" ELSE ");
            c.otherwiseValue().accept(this);
        }
        sql.append(" END");
    }

    /** Writes a {@link Keyword}. */
    public void visitKeyword(Keyword<?> keyword) {
        sql.append(keyword.sql());
    }

    /** Writes a {@link DistinctArgument}. */
    public void visitDistinctArgument(DistinctArgument argument) {
        sql.append("DISTINCT ");
        argument.expression().accept(this);
    }

    /** Writes a {@link WindowFunction}. */
    public void visitWindowFunction(WindowFunction<?> function) {
        function.function().accept(this);
        Window window = function.window();
        sql.append(" OVER (");
        if (!window.partitionBy().isEmpty()) {
            sql.append("PARTITION BY ");
            list(window.partitionBy(), ", ");
        }
        if (!window.orderBy().isEmpty()) {
            sql.append(window.partitionBy().isEmpty() ? "ORDER BY " : " ORDER BY ");
            list(window.orderBy(), ", ");
        }
        sql.append(')');
    }

    // ---- dates and times: each database spells them its own way, so each dialect overrides these ----

    /** Writes an {@link Extract}; every dialect overrides this with its own spelling. */
    public void visitExtract(Extract extract) {
        throw dateUnsupported("extracting " + extract.part());
    }

    /** Writes a {@link DateTrunc}; every dialect overrides this with its own spelling. */
    public void visitDateTrunc(DateTrunc<?> trunc) {
        throw dateUnsupported("truncating to a " + trunc.unit());
    }

    /** Writes a {@link DateAdd}; every dialect overrides this with its own spelling. */
    public void visitDateAdd(DateAdd<?> add) {
        throw dateUnsupported("adding " + add.unit() + "s");
    }

    /** Writes a {@link CurrentDate}; every dialect overrides this with its own spelling. */
    public void visitCurrentDate(CurrentDate current) {
        throw dateUnsupported("the current date");
    }

    private UnsupportedFeatureException dateUnsupported(String what) {
        return new UnsupportedFeatureException("SQL for " + what + " in Ashlar's compiler", dialect.name(),
                "override the date and time visitors of SqlCompiler in " + getClass().getSimpleName());
    }

    /** The name a function is called by; dialects rename the standard functions they spell differently. */
    protected String functionName(String name) {
        return name;
    }

    // ---- FROM items -----------------------------------------------------------------------

    /** Writes a {@link TableAlias}. */
    public void visitTableAlias(TableAlias alias) {
        if (tableByAlias == null) {
            tableByAlias = new java.util.HashMap<>();
        }
        tableByAlias.put(alias.alias(), alias.table().name());
        identifier(alias.table().name()).append(" AS ").identifier(alias.alias());
    }

    /**
     * The table behind each alias that the compiled statement gives ({@code i} for
     * {@code items AS i}), in subqueries too: read from the statement tree while compiling, so that
     * EXPLAIN can name aliased tables without reading the SQL text back.
     */
    public Map<String, String> tableAliases() {
        return tableByAlias == null ? Map.of() : Map.copyOf(tableByAlias);
    }

    /** Writes a {@link DerivedTable}. */
    public void visitDerivedTable(DerivedTable derived) {
        subquery(derived.query());
        sql.append(" AS ");
        identifier(derived.alias());
    }

    /** Writes a {@link Cte}. */
    public void visitCteReference(Cte cte) {
        identifier(cte.name());
    }

    /** Writes a {@link Join}. */
    public void visitJoin(Join join) {
        // failing here beats sending SQL that a database without FULL JOIN would misread (MariaDB takes FULL as an alias)
        if (join.type() == JoinType.FULL && !dialect.supports(Feature.FULL_JOIN)) {
            throw dialect.unsupported(Feature.FULL_JOIN, "joining "
                    + (join.target() instanceof Table t ? t.name() : join.target().toString()));
        }
        sql.append(' ').append(join.type().sql()).append(' ');
        join.target().accept(this);
        sql.append(" ON ");
        join.on().accept(this);
    }

    // ---- statements -----------------------------------------------------------------------

    /** Writes a {@link Select}. */
    public void visitSelect(Select select) {
        boolean outerQualify = qualifyColumns;
        boolean outerOrderBy = inOrderBy;
        qualifyColumns = true;
        inOrderBy = false;
        withClause(select);
        sql.append("SELECT ");
        if (select.isDistinct()) {
            sql.append("DISTINCT ");
        }
        selectList(select.columns());
        if (!select.from().isEmpty()) {
            sql.append(" FROM ");
            list(select.from(), ", ");
            select.joins().forEach(join -> join.accept(this));
        }
        if (select.where() != null) {
            sql.append(" WHERE ");
            select.where().accept(this);
        }
        if (!select.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            List<Expression<?>> groups = new ArrayList<>(select.groupBy().size());
            for (Expression<?> e : select.groupBy()) {
                groups.add(groupOrOrderItem(e, select.columns()));
            }
            list(groups, ", ");
        }
        if (select.having() != null) {
            sql.append(" HAVING ");
            select.having().accept(this);
        }
        List<SortOrder> orders = select.orderBy();
        if (!orders.isEmpty()) {
            List<SortOrder> mapped = new ArrayList<>(orders.size());
            for (SortOrder o : orders) {
                Expression<?> e = o.expression() instanceof Labeled<?> ? o.expression() : groupOrOrderItem(o.expression(), select.columns());
                mapped.add(e == o.expression() ? o : new SortOrder(e, o.ascending(), o.nulls()));
            }
            orders = mapped;
        }
        orderBy(orders);
        limitOffset(select.limit(), select.offset());
        qualifyColumns = outerQualify;
        inOrderBy = outerOrderBy;
    }

    /**
     * What a GROUP BY or ORDER BY item of a SELECT is written as: the expression itself here. A
     * database that must see the item as the same expression as a select-list column, where the two
     * bind their own parameters (PostgreSQL), overrides this.
     */
    protected Expression<?> groupOrOrderItem(Expression<?> item, List<Expression<?>> selectList) {
        return item;
    }

    /** {@code WITH [RECURSIVE] name AS (query), ... }. */
    protected void withClause(Select select) {
        if (select.ctes().isEmpty()) {
            return;
        }
        sql.append(select.isRecursive() ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < select.ctes().size(); i++) {
            Cte cte = select.ctes().get(i);
            if (i > 0) {
                sql.append(", ");
            }
            identifier(cte.name()).append(" AS ");
            subquery(cte.query());
        }
        sql.append(' ');
    }

    /** The select list; labelled expressions get {@code AS label}. */
    protected void selectList(List<Expression<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Expression<?> column = columns.get(i);
            if (column instanceof Labeled<?> labeled) {
                labeled.expression().accept(this);
                sql.append(" AS ");
                identifier(labeled.label());
            } else {
                column.accept(this);
            }
        }
    }

    /** {@code ORDER BY ...}, where labelled expressions stand for their select-list column. */
    protected void orderBy(List<SortOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        boolean outer = inOrderBy;
        inOrderBy = true;
        sql.append(" ORDER BY ");
        list(orders, ", ");
        inOrderBy = outer;
    }

    /**
     * Queries joined by set operators, written without parentheses (SQLite allows none). Where
     * PostgreSQL and MariaDB would bind an INTERSECT tighter than the operators before it, the
     * left side is nested as a derived table, so that every database evaluates left to right. The
     * ORDER BY names the result's columns unqualified, as set operations require.
     */
    public void visitCompoundSelect(CompoundSelect compound) {
        boolean outerQualify = qualifyColumns;
        int start = sql.length();
        if (compound.first() instanceof CompoundSelect nested) {
            sql.append("SELECT * FROM (");
            nested.accept(this);
            sql.append(") AS ");
            identifier(nextDerivedName());
        } else {
            compound.first().accept(this);
        }
        boolean mixed = false;
        for (CompoundSelect.Part part : compound.parts()) {
            if (part.operator() == SetOperator.INTERSECT && mixed) {
                sql.insert(start, "SELECT * FROM (");
                sql.append(") AS ");
                identifier(nextDerivedName());
            }
            mixed |= part.operator() != SetOperator.INTERSECT;
            sql.append(' ').append(part.operator().sql()).append(' ');
            part.query().accept(this);
        }
        qualifyColumns = false;
        orderBy(compound.orderBy());
        limitOffset(compound.limit(), compound.offset());
        qualifyColumns = outerQualify;
    }

    private String nextDerivedName() {
        return "ashlar_set" + (++derivedNames);
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

    /** Writes a {@link Insert}. */
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
        returning(insert.returning(), Feature.INSERT_RETURNING, insert.table());
    }

    /** Writes a {@link Update}. */
    public void visitUpdate(Update update) {
        Map<Column<?>, Expression<?>> values = update.valuesWithOnUpdate();
        if (values.isEmpty()) {
            throw new dev.ashlar.core.error.AshlarException("UPDATE " + update.table().name() + " sets no column");
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
            assignedValue(entry.getKey(), entry.getValue());
        }
        if (update.where() != null) {
            sql.append(" WHERE ");
            update.where().accept(this);
        }
        returning(update.returning(), Feature.UPDATE_RETURNING, update.table());
    }

    /** Writes a {@link Delete}. */
    public void visitDelete(Delete delete) {
        sql.append("DELETE FROM ");
        identifier(delete.table().name());
        if (delete.where() != null) {
            sql.append(" WHERE ");
            delete.where().accept(this);
        }
        returning(delete.returning(), Feature.DELETE_RETURNING, delete.table());
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
                throw new dev.ashlar.core.error.AshlarException("the rows of one multi-row INSERT INTO " + insert.table().name()
                        + " must set the same columns: row 1 sets " + names(first.keySet()) + ", row " + (r + 1) + " sets " + names(row.keySet()));
            }
            sql.append(r > 0 ? ", (" : "(");
            int v = 0;
            for (var entry : row.entrySet()) {
                if (v++ > 0) {
                    sql.append(", ");
                }
                checkWritten(entry.getKey(), entry.getValue());
                entry.getValue().accept(this);
            }
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
            assignedValue(entry.getKey(), entry.getValue());
            qualifyColumns = qualify;
        }
    }

    /** The value written to {@code column} by an UPDATE or upsert; SQLite rounds computed decimals here. */
    protected void assignedValue(Column<?> column, Expression<?> value) {
        checkWritten(column, value);
        value.accept(this);
    }

    /** Refuses a bound value that {@code column} cannot hold on this database, before anything is sent. */
    private void checkWritten(Column<?> column, Expression<?> value) {
        if (value instanceof Param<?> param) {
            dialect.checkWritable(column, param.value());
        }
    }

    /** {@code RETURNING columns}, or a clear error where the database cannot return rows from this statement. */
    protected void returning(List<Column<?>> columns, Feature feature, Table table) {
        if (columns.isEmpty()) {
            return;
        }
        if (!dialect.supports(feature)) {
            throw dialect.unsupported(feature, "table " + table.name());
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

}
