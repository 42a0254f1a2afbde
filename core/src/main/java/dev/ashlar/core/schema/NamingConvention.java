package dev.ashlar.core.schema;

import dev.ashlar.core.dialect.IdentifierLimit;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.DefinitionException;
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
 * and {@code pk_items}. Names longer than 63 bytes of UTF-8 (PostgreSQL's limit; MariaDB's 64
 * characters are never fewer) are cut at a character boundary and given a hash of the whole name
 * as a suffix, so that two long names stay distinct and the same name is always cut the same way.
 */
public record NamingConvention(String index, String unique, String foreignKey, String check, String primaryKey) {
    /** The longest identifier, in bytes of UTF-8, that every supported database keeps whole. */
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
            throw new DefinitionException("table " + table.name() + ": a check constraint needs a name or a label");
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
        if (IdentifierLimit.utf8Length(name) <= MAX_IDENTIFIER_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String suffix = "_" + HexFormat.of().formatHex(digest, 0, 4);
            return prefixOfBytes(name, MAX_IDENTIFIER_LENGTH - suffix.length()) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new AshlarException("SHA-256 is required by every Java platform, but this one lacks it", e);
        }
    }

    /** The longest prefix of {@code name} that takes at most {@code bytes} bytes of UTF-8, never splitting a character. */
    private static String prefixOfBytes(String name, int bytes) {
        int used = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }
}
