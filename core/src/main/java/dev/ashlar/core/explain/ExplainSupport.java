package dev.ashlar.core.explain;

import dev.ashlar.core.internal.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Building blocks that every {@link PlanReader} needs, kept here so that each reader holds only
 * what differs for its database.
 */
public final class ExplainSupport {
    private ExplainSupport() {
    }

    /**
     * Prepares an EXPLAIN statement and binds the query's parameters in order with {@code setObject}.
     * The caller closes the statement.
     *
     * @param explainSql the query with the database's EXPLAIN prefix in front of it
     * @param parameters the values for the placeholders; null or empty for none
     */
    public static PreparedStatement prepare(Connection connection, String explainSql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(explainSql);
        try {
            if (parameters != null) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Runs an EXPLAIN whose answer is text in the first column, such as a JSON plan, and returns
     * that text; when the database splits it over several rows they are joined with newlines.
     */
    public static String planText(Connection connection, String explainSql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, explainSql, parameters);
                ResultSet rows = statement.executeQuery()) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(rows.getString(1));
            }
            if (text.length() == 0) {
                throw new SQLException("EXPLAIN returned no plan for: " + explainSql);
            }
            return text.toString();
        }
    }

    /**
     * Parses a JSON plan, reporting malformed text as an {@link SQLException} since it came from
     * the database.
     */
    public static Object parseJson(String text) throws SQLException {
        try {
            return Json.parse(text);
        } catch (RuntimeException e) {
            throw new SQLException("the database returned a plan that is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Keys of a JSON plan step that say what the step filters or matches on, in the order shown. */
    private static final List<String> CONDITION_KEYS = List.of(
            "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond", "Join Filter", "Filter", "Sort Key",
            "attached_condition", "ref", "used_key_parts");

    /**
     * The step's conditions in words, such as {@code Filter: ((name)::text = 'x'::text)}, used as
     * {@link PlanNode#detail()}. The whole plan stays available as {@link QueryPlan#rawPlan()}.
     */
    public static String conditions(Map<String, Object> step) {
        StringBuilder b = new StringBuilder();
        for (String key : CONDITION_KEYS) {
            Object value = step.get(key);
            if (value == null) {
                continue;
            }
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(key).append(": ").append(value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value);
        }
        return b.toString();
    }

    /** A JSON number as a Double, or null when the value is absent or not a number. */
    public static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** A JSON string, or null when the value is absent or not a string. */
    public static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
