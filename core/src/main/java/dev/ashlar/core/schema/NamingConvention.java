package dev.ashlar.core.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Names constraints and indexes that were declared without a name, so that migrations and error
 * messages see stable names. Templates use {@code {table}}, {@code {columns}} (joined with
 * {@code _}), {@code {referred_table}} and {@code {label}}. The default gives {@code ix_items_name},
 * {@code uq_items_sku}, {@code fk_order_lines_order_id_orders}, {@code ck_items_price_positive}
 * and {@code pk_items}. Names longer than 63 characters (PostgreSQL's limit, one under MariaDB's)
 * are cut and given a hash suffix, so that two long names stay distinct.
 */
public record NamingConvention(String index, String unique, String foreignKey, String check, String primaryKey) {
    /** The longest identifier every supported database accepts. */
    public static final int MAX_IDENTIFIER_LENGTH = 63;

    /** {@code ix_%table_%columns}, {@code uq_...}, {@code fk_%table_%columns_%referred}, {@code ck_%table_%label}, {@code pk_%table}. */
    public static final NamingConvention DEFAULT = new NamingConvention(
            "ix_{table}_{columns}", "uq_{table}_{columns}", "fk_{table}_{columns}_{referred_table}",
            "ck_{table}_{label}", "pk_{table}");

    String index(Table table, Index ix) {
        return render(index, table.name(), ix.columns(), null, null);
    }

    String unique(Table table, List<Column<?>> columns) {
        return render(unique, table.name(), columns, null, null);
    }

    String foreignKey(Table table, ForeignKey fk) {
        return render(foreignKey, table.name(), fk.columns(), fk.referenced().get(0).table().name(), null);
    }

    String check(Table table, String label) {
        if (label == null) {
            throw new IllegalArgumentException("table " + table.name() + ": a check constraint needs a name or a label");
        }
        return render(check, table.name(), List.of(), null, label);
    }

    String primaryKey(Table table) {
        return render(primaryKey, table.name(), table.primaryKey(), null, null);
    }

    private static String render(String template, String table, List<Column<?>> columns, String referred, String label) {
        String name = template.replace("{table}", table)
                .replace("{columns}", columns.stream().map(Column::name).collect(Collectors.joining("_")))
                .replace("{referred_table}", referred == null ? "" : referred)
                .replace("{label}", label == null ? "" : label);
        return shorten(name);
    }

    static String shorten(String name) {
        if (name.length() <= MAX_IDENTIFIER_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            return name.substring(0, MAX_IDENTIFIER_LENGTH - hash.length() - 1) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
