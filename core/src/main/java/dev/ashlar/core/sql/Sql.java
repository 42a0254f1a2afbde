package dev.ashlar.core.sql;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import java.util.List;

/**
 * Entry points of the query language. Import statically:
 * {@code select(items.name).from(items).where(items.price.lt(limit))}.
 */
public final class Sql {
    private Sql() {
    }

    /** {@code SELECT columns...}. */
    public static Select select(Expression<?>... columns) {
        return new Select(List.of(columns));
    }

    /** {@code SELECT columns...}. */
    public static Select select(List<? extends Expression<?>> columns) {
        return new Select(columns);
    }

    /** {@code SELECT *}-equivalent: every column of the table, in order. */
    public static Select selectFrom(Table table) {
        return new Select(table.columns()).from(table);
    }

    /** {@code INSERT INTO table}. */
    public static Insert insertInto(Table table) {
        return new Insert(table);
    }

    /** {@code UPDATE table}. */
    public static Update update(Table table) {
        return new Update(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete deleteFrom(Table table) {
        return new Delete(table);
    }

    /**
     * In an upsert's {@code DO UPDATE}, the value the insert proposed for {@code column}
     * ({@code EXCLUDED.column}; {@code VALUES(column)} on MariaDB).
     */
    public static <T> Expression<T> excluded(Column<T> column) {
        return new Excluded<>(column);
    }

    /** A bound value of the given type. */
    public static <T> Param<T> value(T value, SqlType<T> type) {
        return Param.of(value, type);
    }

    /** {@code count(*)}. */
    public static Expression<Long> count() {
        return new FunctionCall<>("count", List.of(Star.INSTANCE), Types.bigInteger());
    }

    /** {@code lower(expression)}. */
    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), expression.type());
    }

    /** {@code upper(expression)}. */
    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), expression.type());
    }
}
