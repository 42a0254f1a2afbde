package dev.ashlar.core.dialect;

import dev.ashlar.core.sql.Param;
import java.util.List;

/** SQL text with {@code ?} placeholders and the parameters to bind, in order. */
public record CompiledSql(String sql, List<Param<?>> parameters) {
    public CompiledSql {
        parameters = List.copyOf(parameters);
    }

    /** The parameter values in order, for logs and error messages. */
    public List<Object> parameterValues() {
        return parameters.stream().map(p -> (Object) p.value()).toList();
    }

    @Override
    public String toString() {
        return sql + " " + parameterValues();
    }
}
