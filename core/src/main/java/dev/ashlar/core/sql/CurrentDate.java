package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import java.time.LocalDate;

/** Today's date in UTC by the database's clock, on every database; build it with {@link Sql#currentDate()}. */
public record CurrentDate() implements Expression<LocalDate> {
    @Override
    public SqlType<LocalDate> type() {
        return Types.date();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitCurrentDate(this);
    }
}
