package dev.ashlar.migrate.internal;

import dev.ashlar.core.diff.SchemaChange;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.BigIntegerType;
import dev.ashlar.core.types.BooleanType;
import dev.ashlar.core.types.DatabaseEnumType;
import dev.ashlar.core.types.DatabaseType;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.types.DoubleType;
import dev.ashlar.core.types.EnumType;
import dev.ashlar.core.types.FixedStringType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.JsonTreeType;
import dev.ashlar.core.types.JsonType;
import dev.ashlar.core.types.LargeBinaryType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.TextType;
import dev.ashlar.core.types.TimeType;
import dev.ashlar.core.types.UuidType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Java source of a revision class: its upgrade and downgrade as calls on the operations API,
 * written from a schema diff's changes. The same changes give the same text, byte for byte, so a
 * generated script can be reviewed and diffed like hand-written code.
 */
public final class ScriptSource {
    /** What the writer found while translating, for the command to print and the script to carry as comments. */
    private final List<String> notes = new ArrayList<>();
    private final List<String> up = new ArrayList<>();
    private final List<List<String>> down = new ArrayList<>();
    private boolean data;
    private boolean schema;

    /** Translates {@code changes}, in order; the downgrade undoes them in reverse. */
    public ScriptSource(List<SchemaChange> changes) {
        for (SchemaChange change : changes) {
            add(change);
        }
    }

    /** An empty revision (or a merge): the author fills in the methods. */
    public ScriptSource() {
    }

    /** Changes that the operations API cannot express, which the author must handle; empty normally. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Whether the upgrade mixes data statements with schema changes (on MariaDB the DDL commits between them). */
    public boolean mixesDataAndSchema() {
        return data && schema;
    }

    /** The class's source. */
    public String render(String packageName, String className, String id, List<String> parents, String message, List<String> comments) {
        StringBuilder b = new StringBuilder();
        b.append("package ").append(packageName).append(";\n\n");
        Set<String> imports = new java.util.TreeSet<>(List.of("dev.ashlar.migrate.Migration", "dev.ashlar.migrate.Operations",
                "dev.ashlar.migrate.Revision"));
        String body = String.join("\n", up) + String.join("\n", flatDown());
        for (String[] candidate : IMPORTS) {
            if (body.matches("(?s).*\\b" + candidate[0] + "\\b.*")) {
                imports.add(candidate[1]);
            }
        }
        imports.forEach(i -> b.append("import ").append(i).append(";\n"));
        b.append("\n/**\n * ").append(javadoc(message.isEmpty() ? "Revision " + id + "." : message)).append("\n");
        for (String c : comments) {
            b.append(" *\n * <p>").append(javadoc(c)).append('\n');
        }
        b.append(" */\n");
        b.append("@Revision(id = ").append(quote(id));
        if (parents.size() == 1) {
            b.append(", parents = ").append(quote(parents.get(0)));
        } else if (parents.size() > 1) {
            b.append(", parents = {").append(parents.stream().map(ScriptSource::quote).collect(Collectors.joining(", "))).append('}');
        }
        b.append(", message = ").append(quote(message)).append(")\n");
        b.append("public final class ").append(className).append(" implements Migration {\n");
        b.append("    @Override\n    public void upgrade(Operations op) {\n");
        up.forEach(line -> b.append(indent(line)));
        b.append("    }\n\n    @Override\n    public void downgrade(Operations op) {\n");
        flatDown().forEach(line -> b.append(indent(line)));
        b.append("    }\n}\n");
        return b.toString();
    }

    private static final String[][] IMPORTS = {
        {"Column", "dev.ashlar.core.schema.Column"},
        {"Types", "dev.ashlar.core.types.Types"},
        {"ServerDefault", "dev.ashlar.core.schema.ServerDefault"},
        {"UniqueConstraint", "dev.ashlar.core.schema.UniqueConstraint"},
        {"CheckConstraint", "dev.ashlar.core.schema.CheckConstraint"},
        {"ForeignKey", "dev.ashlar.core.schema.ForeignKey"},
        {"Index", "dev.ashlar.core.schema.Index"},
        {"MetaData", "dev.ashlar.core.schema.MetaData"},
        {"ReferentialAction", "dev.ashlar.core.schema.ReferentialAction"},
        {"List", "java.util.List"},
        {"BigDecimal", "java.math.BigDecimal"},
        {"JsonTreeType", "dev.ashlar.core.types.JsonTreeType"},
    };

    private List<String> flatDown() {
        List<String> out = new ArrayList<>();
        List<List<String>> reversed = new ArrayList<>(down);
        Collections.reverse(reversed);
        reversed.forEach(out::addAll);
        return out;
    }

    private static String indent(String line) {
        return line.isEmpty() ? "\n" : "        " + line + "\n";
    }

    private void step(List<String> upgrade, List<String> downgrade) {
        up.addAll(upgrade);
        down.add(downgrade);
        schema = true;
    }

    private void add(SchemaChange change) {
        if (change instanceof SchemaChange.RenameTable r) {
            step(List.of(call("renameTable", r.from(), r.to())), List.of(call("renameTable", r.to(), r.from())));
        } else if (change instanceof SchemaChange.RenameColumn r) {
            step(List.of(call("renameColumn", r.table(), r.from(), r.to())),
                    List.of(call("renameColumn", r.table(), r.to(), r.from())));
        } else if (change instanceof SchemaChange.CreateTable c) {
            step(createTable(c.target()), List.of(call("dropTable", c.target().name())));
        } else if (change instanceof SchemaChange.DropTable d) {
            step(List.of(call("dropTable", d.current().name())), createTable(d.current()));
        } else if (change instanceof SchemaChange.AddColumn a) {
            addColumn(a.target().name(), a.column());
        } else if (change instanceof SchemaChange.DropColumn d) {
            step(List.of(call("dropColumn", d.current().name(), d.column().name())),
                    List.of("op.addColumn(" + quote(d.current().name()) + ", " + column(d.column()) + ");"));
        } else if (change instanceof SchemaChange.AlterColumn a) {
            step(
                    List.of("op.alterColumn(" + quote(a.target().name()) + ",", "        " + column(a.current()) + ",",
                            "        " + column(a.column()) + ");"),
                    List.of("op.alterColumn(" + quote(a.target().name()) + ",", "        " + column(a.column()) + ",",
                            "        " + column(a.current()) + ");"));
        } else if (change instanceof SchemaChange.AddUnique a) {
            step(List.of(unique("addUnique", a.target().name(), a.unique())),
                    List.of(call("dropUnique", a.target().name(), a.unique().name())));
        } else if (change instanceof SchemaChange.DropUnique d) {
            step(List.of(call("dropUnique", d.current().name(), d.unique().name())),
                    List.of(unique("addUnique", d.current().name(), d.unique())));
        } else if (change instanceof SchemaChange.AddCheck a) {
            step(List.of(call("addCheck", a.target().name(), a.check().name(), a.check().sql())),
                    List.of(call("dropCheck", a.target().name(), a.check().name())));
        } else if (change instanceof SchemaChange.DropCheck d) {
            step(List.of(call("dropCheck", d.current().name(), d.check().name())),
                    List.of(call("addCheck", d.current().name(), d.check().name(), d.check().sql())));
        } else if (change instanceof SchemaChange.CreateIndex c) {
            index(c.target().name(), c.index(), true);
        } else if (change instanceof SchemaChange.DropIndex d) {
            index(d.current().name(), d.index(), false);
        } else if (change instanceof SchemaChange.AddForeignKey a) {
            foreignKey(a.target(), a.key());
        } else if (change instanceof SchemaChange.RebuildTable r) {
            r.changes().forEach(this::add);
        } else if (change instanceof SchemaChange.DropForeignKey d) {
            step(List.of(call("dropForeignKey", d.current().name(), d.key().name())), List.of(addForeignKey(d.current(), d.key())));
        } else if (change instanceof SchemaChange.AlterPrimaryKey p) {
            note(change, "a primary key change is not generated; write it by hand");
        } else if (change instanceof SchemaChange.SetColumnComment c) {
            note(change, "comments are not migrated by the operations API");
        } else if (change instanceof SchemaChange.SetTableComment c) {
            note(change, "comments are not migrated by the operations API");
        }
    }

    private void note(SchemaChange change, String why) {
        String text = "not generated: " + change.describe() + " (" + why + ")";
        notes.add(text);
        up.add("// " + text);
    }

    /**
     * A new column. A NOT NULL column without a server default but with a constant default in the
     * model is added as nullable, filled, then made NOT NULL, so that a table with rows can take it.
     */
    private void addColumn(String table, Column<?> column) {
        Object constant = constantDefault(column);
        if (column.isNullable() || column.serverDefault() != null || constant == null) {
            step(List.of("op.addColumn(" + quote(table) + ", " + column(column) + ");"), List.of(call("dropColumn", table, column.name())));
            return;
        }
        Column<?> nullable = column.copy(column.name()).nullable(true);
        List<String> lines = new ArrayList<>();
        lines.add("// " + column.name() + " is NOT NULL: add it nullable, fill the existing rows with the model's default, then require it");
        lines.add("op.addColumn(" + quote(table) + ", " + column(nullable) + ");");
        lines.add("op.backfill(" + quote(table) + ", " + column(nullable) + ", " + literal(constant) + ");");
        lines.add("op.alterColumn(" + quote(table) + ",");
        lines.add("        " + column(nullable) + ",");
        lines.add("        " + column(column) + ");");
        step(lines, List.of(call("dropColumn", table, column.name())));
        data = true;
    }

    /** The model's constant default for the column (a client default that gives the same value each time), else null. */
    private static Object constantDefault(Column<?> column) {
        if (column.clientDefault() == null) {
            return null;
        }
        Object a = column.clientDefault().get();
        Object b = column.clientDefault().get();
        boolean constant = a != null && a.equals(b) && (a instanceof String || a instanceof Number || a instanceof Boolean);
        return constant ? a : null;
    }

    private void index(String table, Index index, boolean create) {
        if (index.isExpressionIndex() || index.where() != null || index.descending().contains(true)) {
            String text = "not generated: " + (create ? "create" : "drop") + " index " + index.name() + " on " + table
                    + " (an expression, partial or descending index is written with op.sqlOn(...) for each database)";
            notes.add(text);
            up.add("// " + text);
            return;
        }
        String createCall = "op.createIndex(" + quote(table) + ", " + quote(index.name()) + ", " + index.unique() + ", "
                + index.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")) + ");";
        String dropCall = call("dropIndex", table, index.name());
        step(List.of(create ? createCall : dropCall), List.of(create ? dropCall : createCall));
    }

    private void foreignKey(Table table, ForeignKey key) {
        step(List.of(addForeignKey(table, key)), List.of(call("dropForeignKey", table.name(), key.name())));
    }

    private static String addForeignKey(Table table, ForeignKey key) {
        return "op.addForeignKey(" + quote(table.name()) + ", " + quote(key.name()) + ", " + list(key.columns()) + ", "
                + quote(key.referencedTable().name()) + ", " + list(key.referenced()) + ", ReferentialAction." + key.onDelete().name() + ");";
    }

    private static String list(List<Column<?>> columns) {
        return "List.of(" + columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")) + ")";
    }

    private static String unique(String method, String table, UniqueConstraint unique) {
        return "op." + method + "(" + quote(table) + ", " + quote(unique.name()) + ", "
                + unique.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")) + ");";
    }

    /** A block that builds the table with its columns and constraints and creates it. */
    private static List<String> createTable(Table table) {
        List<String> lines = new ArrayList<>();
        lines.add("{");
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of("op"));
        java.util.Map<Column<?>, String> variables = new java.util.IdentityHashMap<>();
        for (Column<?> c : table.columns()) {
            String v = variable(c.name(), used);
            variables.put(c, v);
            lines.add("    var " + v + " = " + column(c) + ";");
            names.add(v);
        }
        List<String> elements = new ArrayList<>(names);
        for (UniqueConstraint u : table.uniqueConstraints()) {
            elements.add("new UniqueConstraint(" + quote(u.name()) + ", List.of(" + vars(u.columns(), variables) + "))");
        }
        for (CheckConstraint c : table.checks()) {
            elements.add("new CheckConstraint(" + quote(c.name()) + ", " + quote(c.label()) + ", " + quote(c.sql()) + ")");
        }
        for (Index ix : table.indexes()) {
            elements.add("new Index(" + quote(ix.name()) + ", List.of(" + vars(ix.columns(), variables) + "), " + ix.unique() + ", List.of("
                    + ix.descending().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "), List.of("
                    + ix.expressions().stream().map(ScriptSource::quote).collect(Collectors.joining(", ")) + "), "
                    + (ix.where() == null ? "null" : quote(ix.where())) + ")");
        }
        for (ForeignKey fk : table.foreignKeys()) {
            List<String> refs = new ArrayList<>();
            for (Column<?> r : fk.referenced()) {
                if (fk.referencedTable() == table) {
                    refs.add(variables.get(r));
                } else {
                    // A stand-in for the referenced table: the DDL only names it and its columns.
                    String v = variable(fk.referencedTable().name() + "_" + r.name(), used);
                    lines.add("    var " + v + " = new MetaData().table(" + quote(fk.referencedTable().name()) + ", "
                            + column(r.copy(r.name()).nullable(true)) + ").column(" + quote(r.name()) + ");");
                    refs.add(v);
                }
            }
            elements.add("new ForeignKey(" + quote(fk.name()) + ", List.of(" + vars(fk.columns(), variables) + "), List.of("
                    + String.join(", ", refs) + "), ReferentialAction." + fk.onDelete().name() + ", ReferentialAction." + fk.onUpdate().name() + ")");
        }
        lines.add("    op.createTable(" + quote(table.name()) + ",");
        for (int i = 0; i < elements.size(); i++) {
            lines.add("            " + elements.get(i) + (i + 1 < elements.size() ? "," : ");"));
        }
        lines.add("}");
        return lines;
    }

    private static String vars(List<Column<?>> columns, java.util.Map<Column<?>, String> variables) {
        return columns.stream().map(variables::get).collect(Collectors.joining(", "));
    }

    private static String variable(String name, Set<String> used) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : name.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(upper ? Character.toUpperCase(ch) : b.length() == 0 ? Character.toLowerCase(ch) : ch);
                upper = false;
            } else {
                upper = b.length() > 0;
            }
        }
        String base = b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "c" + b : b.toString();
        if (javax.lang.model.SourceVersion.isKeyword(base)) {
            base = base + "Column";
        }
        String v = base;
        for (int i = 2; !used.add(v); i++) {
            v = base + i;
        }
        return v;
    }

    /** A column as a Java expression: {@code Column.of("sku", Types.string(64)).notNull()}. */
    static String column(Column<?> c) {
        StringBuilder b = new StringBuilder("Column.of(").append(quote(c.name())).append(", ").append(type(c.type())).append(')');
        if (c.isPrimaryKey()) {
            b.append(".primaryKey().autoincrement(").append(c.isAutoincrement()).append(')');
        }
        if (!c.isNullable() && !c.isPrimaryKey()) {
            b.append(".notNull()");
        }
        ServerDefault d = c.serverDefault();
        if (d instanceof ServerDefault.Literal l) {
            b.append(".serverDefault(ServerDefault.literal(").append(literal(l.value())).append("))");
        } else if (d instanceof ServerDefault.CurrentTimestamp) {
            b.append(".serverDefault(ServerDefault.currentTimestamp())");
        } else if (d instanceof ServerDefault.Expression e) {
            b.append(".serverDefault(ServerDefault.expression(").append(quote(e.sql())).append("))");
        }
        return b.toString();
    }

    static String type(SqlType<?> t) {
        if (t instanceof IntegerType x) {
            return "Types.integer()";
        }
        if (t instanceof SmallIntegerType x) {
            return "Types.smallInteger()";
        }
        if (t instanceof BigIntegerType x) {
            return "Types.bigInteger()";
        }
        if (t instanceof BooleanType x) {
            return "Types.bool()";
        }
        if (t instanceof StringType s) {
            return s.length().isPresent() ? "Types.string(" + s.length().getAsInt() + ")" : "Types.string()";
        }
        if (t instanceof FixedStringType s) {
            return "Types.fixedString(" + s.length() + ")";
        }
        if (t instanceof TextType x) {
            return "Types.text()";
        }
        if (t instanceof NumericType n) {
            return "Types.numeric(" + n.precision() + ", " + n.scale() + ")";
        }
        if (t instanceof FloatType x) {
            return "Types.float32()";
        }
        if (t instanceof DoubleType x) {
            return "Types.float64()";
        }
        if (t instanceof DateType x) {
            return "Types.date()";
        }
        if (t instanceof TimeType x) {
            return "Types.time(" + precision(x) + ")";
        }
        if (t instanceof DateTimeType x) {
            return "Types.dateTime(" + precision(x) + ")";
        }
        if (t instanceof DateTimeTzType x) {
            return "Types.dateTimeTz(" + precision(x) + ")";
        }
        if (t instanceof LargeBinaryType x) {
            return "Types.largeBinary()";
        }
        if (t instanceof UuidType x) {
            return "Types.uuid()";
        }
        if (t instanceof JsonType x) {
            return "Types.json()";
        }
        if (t instanceof JsonTreeType x) {
            return "JsonTreeType.jsonTree()";
        }
        if (t instanceof EnumType<?> e) {
            return "Types.enumOf(" + e.javaType().getCanonicalName() + ".class)";
        }
        if (t instanceof DatabaseEnumType e) {
            return "Types.databaseEnum(" + (e.name() == null ? "null" : quote(e.name())) + ", List.of("
                    + e.values().stream().map(ScriptSource::quote).collect(Collectors.joining(", ")) + "))";
        }
        if (t instanceof DatabaseType d) {
            return "Types.databaseType(" + quote(d.spelling()) + ")";
        }
        return "Types.databaseType(" + quote(t.describe()) + ")";
    }

    /** A precision other than the default between the parentheses, none for the default, as a reader writes it by hand. */
    private static String precision(dev.ashlar.core.types.FractionalSeconds type) {
        return type.precision() == dev.ashlar.core.types.FractionalSeconds.DEFAULT_PRECISION ? "" : String.valueOf(type.precision());
    }

    static String literal(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Long) {
            return value + "L";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return "new BigDecimal(" + quote(d.toPlainString()) + ")";
        }
        if (value instanceof Double || value instanceof Float) {
            return value + (value instanceof Float ? "f" : "d");
        }
        return quote(String.valueOf(value));
    }

    private static String call(String method, String... args) {
        return "op." + method + "(" + java.util.Arrays.stream(args).map(ScriptSource::quote).collect(Collectors.joining(", ")) + ");";
    }

    /** A Java string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(ch < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return b.append('"').toString();
    }

    private static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("@", "{@literal @}").replace("<", "&lt;").replace(">", "&gt;");
    }
}
