package dev.ashlar.core.diff;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.types.SqlType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** The spelling-free forms that schema diff compares defaults and SQL conditions by. */
final class Canonical {
    /** A cast, {@code ::character varying} or {@code ::numeric(10,2)}, which PostgreSQL adds when it stores an expression. */
    private static final Pattern CAST = Pattern.compile("::\\s*[a-z_][a-z_ ]*(\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?(\\[])?");
    private static final Pattern NOISE = Pattern.compile("[\\s()\"`\\[\\]]");

    private Canonical() {
    }

    /** A default by value: numbers by numeric value, booleans as true or false, the current timestamp however spelled. */
    static String serverDefault(ServerDefault d, SqlType<?> type, DdlCompiler ddl) {
        if (d == null) {
            return null;
        }
        if (d instanceof ServerDefault.CurrentTimestamp) {
            return "current_timestamp";
        }
        if (d instanceof ServerDefault.Expression e) {
            String text = expression(e.sql());
            return text.matches("current_timestamp\\d*|now\\d*") ? "current_timestamp" : "expr:" + text;
        }
        Object v = ((ServerDefault.Literal) d).value();
        Class<?> j = type.javaType();
        if (j == Boolean.class) {
            String s = String.valueOf(v).toLowerCase(Locale.ROOT);
            if (s.equals("1") || s.equals("true")) {
                return "true";
            }
            if (s.equals("0") || s.equals("false")) {
                return "false";
            }
        }
        if (v instanceof Number || Number.class.isAssignableFrom(j)) {
            try {
                BigDecimal n = new BigDecimal(String.valueOf(v).strip());
                return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                // not a number after all: compare as text
            }
        }
        return "'" + (v instanceof Enum<?> en ? en.name() : String.valueOf(v)) + "'";
    }

    /** A SQL condition or expression without quotes, casts, parentheses, spaces or case. */
    static String expression(String sql) {
        String s = sql.toLowerCase(Locale.ROOT);
        s = CAST.matcher(s).replaceAll("");
        return NOISE.matcher(s).replaceAll("");
    }
}
