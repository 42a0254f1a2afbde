package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.ValueCodec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StatementTemplate} compiled for one dialect, ready to bind runs of slot values: the
 * codecs are looked up once per call rather than per value, and reads and batches of a template
 * check, bind and log values the same way.
 */
final class TemplateBinding {
    private final StatementTemplate template;
    private final String sql;
    private final int[] slotOf;
    @SuppressWarnings("rawtypes")
    private final ValueCodec[] codecs;

    TemplateBinding(StatementTemplate template, Dialect dialect) {
        this.template = template;
        StatementTemplate.Compiled compiled = template.compiled(dialect);
        this.sql = compiled.sql();
        this.slotOf = compiled.slotOfParameter();
        this.codecs = compiled.codecs();
    }

    String sql() {
        return sql;
    }

    /** Binds one run's slot values in the compiled statement's parameter order. */
    @SuppressWarnings("unchecked")
    void bind(PreparedStatement ps, Object[] values) throws SQLException {
        template.checkArity(values);
        for (int i = 0; i < slotOf.length; i++) {
            codecs[i].bind(ps, i + 1, values[slotOf[i]]);
        }
    }

    /** One run's values in parameter order, for a log line or an error message. */
    List<Object> parameterValues(Object[] values) {
        List<Object> out = new ArrayList<>(slotOf.length);
        for (int slot : slotOf) {
            out.add(values[slot]);
        }
        return out;
    }
}
