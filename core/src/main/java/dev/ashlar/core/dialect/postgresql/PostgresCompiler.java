package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.sql.CurrentDate;
import dev.ashlar.core.sql.DateAdd;
import dev.ashlar.core.sql.DateTrunc;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Extract;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.sql.Keyword;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Like;
import java.util.List;

/** PostgreSQL's statement spellings. */
class PostgresCompiler extends SqlCompiler {
    PostgresCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * PostgreSQL numbers parameters ($1, $2...), so an expression with parameters in the select list
     * and again in GROUP BY or ORDER BY is two different expressions to it ({@code substring(x, $1, $2)}
     * vs {@code substring(x, $3, $4)}), and grouping by it fails. Such an item is written as the
     * position of its select-list column ({@code GROUP BY 1}), which PostgreSQL reads as that very
     * expression. Items without parameters stay as they are.
     */
    @Override
    protected Expression<?> groupOrOrderItem(Expression<?> item, List<Expression<?>> selectList) {
        for (int i = 0; i < selectList.size(); i++) {
            Expression<?> column = selectList.get(i);
            Expression<?> selected = column instanceof Labeled<?> labeled ? labeled.expression() : column;
            Expression<?> wanted = item instanceof Labeled<?> labeled ? labeled.expression() : item;
            if (selected.equals(wanted)) {
                return dialect.compile(wanted).parameters().isEmpty() ? item : new Keyword<>(Integer.toString(i + 1), wanted.type());
            }
        }
        return item;
    }

    /** PostgreSQL matches without regard to case with {@code ILIKE}. */
    @Override
    public void visitLike(Like like) {
        if (!like.ignoreCase()) {
            super.visitLike(like);
            return;
        }
        operand(like.expression());
        sql.append(" ILIKE ");
        operand(like.pattern());
        sql.append(" ESCAPE ").append(dialect.stringLiteral(String.valueOf(like.escape())));
    }

    // ---- dates and times (sessions run in UTC, so zoned timestamps are read in UTC) ----------

    /**
     * {@code EXTRACT} gives a numeric here: cast to an integer. Seconds come with their fraction,
     * which is floored (a cast would round 59.999999 up to 60); the ISO day of week is {@code ISODOW}.
     */
    @Override
    public void visitExtract(Extract extract) {
        String field = switch (extract.part()) {
            case DAY_OF_WEEK -> "ISODOW";
            default -> extract.part().name();
        };
        boolean floor = extract.part() == dev.ashlar.core.sql.DatePart.SECOND;
        sql.append(floor ? "CAST(floor(EXTRACT(" : "CAST(EXTRACT(").append(field).append(" FROM ");
        extract.expression().accept(this);
        sql.append(floor ? ")) AS INTEGER)" : ") AS INTEGER)");
    }

    /** {@code date_trunc} turns a date into a timestamp: a date is cast back. */
    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        boolean date = trunc.type() instanceof DateType;
        sql.append(date ? "CAST(date_trunc('" : "date_trunc('").append(trunc.unit().sqlName()).append("', ");
        trunc.expression().accept(this);
        sql.append(date ? ") AS DATE)" : ")");
    }

    /**
     * {@code x + n * INTERVAL '1 month'}, which keeps the day within the target month (January 31
     * plus a month is February's last day). A date plus an interval is a timestamp: cast back.
     */
    @Override
    public void visitDateAdd(DateAdd<?> add) {
        boolean date = add.type() instanceof DateType;
        sql.append(date ? "CAST(" : "(");
        add.expression().accept(this);
        sql.append(" + (").append(add.amount()).append(") * INTERVAL '1 ").append(add.unit().sqlName()).append('\'');
        sql.append(date ? " AS DATE)" : ")");
    }

    /** Today in UTC, whatever the session's zone. */
    @Override
    public void visitCurrentDate(CurrentDate current) {
        sql.append("CAST(timezone('UTC', CURRENT_TIMESTAMP) AS DATE)");
    }
}
