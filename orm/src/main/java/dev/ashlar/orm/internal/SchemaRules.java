package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.declarative.FieldMapping;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rules a value must follow to fit its column, read from the schema: NOT NULL, string length,
 * numeric precision and scale. Checked before anything is sent, so a bad value is reported with its
 * model and field instead of as a database error halfway through a flush. Enum membership has no
 * rule here: a model's enum field can hold only one of the enum's constants (or null, which the
 * NOT NULL rule covers), so the typed API cannot produce a value outside the enum.
 */
public final class SchemaRules {
    private SchemaRules() {
    }

    /**
     * Checks every mapped field of {@code model}; {@code report} receives (binding, rule) for each
     * broken rule. {@code exempt} fields are filled in by the session (foreign keys set from
     * relationships, the version); on insert, unset generated keys and columns with defaults are
     * allowed to be null.
     */
    public static void check(ModelMeta meta, Object model, boolean insert, Set<FieldMapping> exempt, BiConsumer<FieldMapping, String> report) {
        for (FieldMapping b : meta.mapping().fields()) {
            if (exempt.contains(b)) {
                continue;
            }
            Object value = meta.get(model, b);
            Column<Object> column = b.column();
            if (value == null) {
                boolean filledByDatabase = insert && (column.isAutoincrement() || column.clientDefault() != null
                        || column.serverDefault() != null);
                if (!column.isNullable() && !filledByDatabase) {
                    report.accept(b, "not null");
                }
                continue;
            }
            String rule = rule(column.type(), value);
            if (rule != null) {
                report.accept(b, rule);
            }
        }
    }

    /** The rule {@code value} breaks in a column of {@code type}, or {@code null}. */
    static String rule(SqlType<?> type, Object value) {
        if (type instanceof StringType st && st.length().isPresent() && value instanceof String s) {
            int max = st.length().getAsInt();
            if (s.length() <= max) {
                return null; // never more code points than chars: no need to count them (a pass over every string)
            }
            int length = s.codePointCount(0, s.length());
            return length > max ? "length " + length + " exceeds " + max : null;
        }
        if (type instanceof NumericType nt && value instanceof BigDecimal bd) {
            if (bd.scale() >= 0 && bd.scale() <= nt.scale() && bd.precision() - bd.scale() <= nt.precision() - nt.scale()) {
                return null; // fits as written: no need to strip trailing zeros (an allocation per value)
            }
            BigDecimal plain = bd.stripTrailingZeros();
            int scale = Math.max(plain.scale(), 0);
            int integerDigits = Math.max(plain.precision() - plain.scale(), 0);
            if (scale > nt.scale()) {
                return "numeric(" + nt.precision() + "," + nt.scale() + "): " + scale + " digits after the point, at most "
                        + nt.scale() + " allowed";
            }
            if (integerDigits > nt.precision() - nt.scale()) {
                return "numeric(" + nt.precision() + "," + nt.scale() + "): " + integerDigits + " digits before the point, at most "
                        + (nt.precision() - nt.scale()) + " allowed";
            }
            return null;
        }
        return null;
    }
}
