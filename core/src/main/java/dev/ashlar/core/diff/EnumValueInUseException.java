package dev.ashlar.core.diff;

import dev.ashlar.core.error.AshlarException;
import java.util.List;
import java.util.Map;

/**
 * A change was refused before anything of it ran, because rows still hold a value that it removes
 * from a database enum: the database would refuse the change (PostgreSQL, SQLite, MariaDB in strict
 * mode) or turn the values into empty strings (MariaDB otherwise). The message names the table, the
 * column and each value with its count of rows.
 */
public final class EnumValueInUseException extends AshlarException {
    private final String table;
    private final String column;
    private final Map<String, Long> rows;

    /** A refusal for {@code table.column}, whose rows hold each removed value as often as {@code rows} says. */
    public EnumValueInUseException(String table, String column, Map<String, Long> rows) {
        super(message(table, column, rows));
        this.table = table;
        this.column = column;
        this.rows = Map.copyOf(rows);
    }

    private static String message(String table, String column, Map<String, Long> rows) {
        StringBuilder b = new StringBuilder("cannot remove ");
        List<String> values = rows.keySet().stream().sorted().toList();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            b.append(i == 0 ? "" : ", ").append("'").append(v).append("' (held by ").append(rows.get(v)).append(" row(s))");
        }
        return b.append(" from the enum of ").append(table).append('.').append(column)
                .append(": change those rows to a value that stays first (UPDATE ").append(table).append(" SET ").append(column)
                .append(" = ... WHERE ").append(column).append(" = ...), or keep the value. Nothing was changed").toString();
    }

    /** The table whose rows hold the values. */
    public String table() {
        return table;
    }

    /** The enum column. */
    public String column() {
        return column;
    }

    /** Each removed value that rows hold, with the count of those rows. */
    public Map<String, Long> rows() {
        return rows;
    }
}
