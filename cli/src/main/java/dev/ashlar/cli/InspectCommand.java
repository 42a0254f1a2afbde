package dev.ashlar.cli;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.schema.View;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ashlar inspect [--url URL] [--json]}: prints the live schema as reflection reads it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a database's schema: tables, columns with types, defaults and comments, keys, constraints, indexes, views.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the schema was printed", "1:error (bad URL, unreachable database)", "2:usage error"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "Print the schema as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        MetaData md;
        try (Engine engine = database.openEngine(); Connection connection = engine.connect()) {
            md = Inspector.of(connection).reflect();
        }
        if (json) {
            Json.write(context.out(), toJson(md));
        } else {
            print(context, md);
        }
        return ExitCodes.OK;
    }

    private static void print(CliContext context, MetaData md) {
        PrintStream out = context.out();
        Style style = context.style();
        for (Table table : md.tables()) {
            out.println(style.bold("table " + table.name()) + (table.comment() == null ? "" : style.dim("  -- " + table.comment())));
            for (Column<?> c : table.columns()) {
                StringBuilder line = new StringBuilder("  ").append(c.name()).append(' ').append(c.type().describe());
                if (c.isPrimaryKey()) {
                    line.append(" primary key");
                }
                if (c.isAutoincrement()) {
                    line.append(" generated");
                }
                if (!c.isNullable()) {
                    line.append(" not null");
                }
                if (c.serverDefault() != null) {
                    line.append(" default ").append(describe(c.serverDefault()));
                }
                if (c.comment() != null) {
                    line.append(style.dim("  -- " + c.comment()));
                }
                out.println(line);
            }
            for (ForeignKey fk : table.foreignKeys()) {
                out.println("  foreign key " + fk.name() + " " + names(fk.columns()) + " -> " + fk.referencedTable().name()
                        + names(fk.referenced()) + " on delete " + fk.onDelete().sql() + " on update " + fk.onUpdate().sql());
            }
            for (UniqueConstraint uq : table.uniqueConstraints()) {
                out.println("  unique " + uq.name() + " " + names(uq.columns()));
            }
            for (CheckConstraint ck : table.checks()) {
                out.println("  check " + ck.name() + " (" + ck.sql() + ")");
            }
            for (Index ix : table.indexes()) {
                out.println("  " + (ix.unique() ? "unique index " : "index ") + ix.name() + " " + key(ix)
                        + (ix.where() == null ? "" : " where " + ix.where()));
            }
        }
        for (View view : md.views()) {
            out.println(style.bold("view " + view.name()) + ": " + view.definition().replaceAll("\\s+", " "));
        }
        out.flush();
    }

    static String describe(ServerDefault d) {
        if (d instanceof ServerDefault.Literal l) {
            return l.value() instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(l.value());
        }
        return d instanceof ServerDefault.Expression e ? e.sql() : "current timestamp";
    }

    private static String names(List<Column<?>> columns) {
        return "(" + String.join(", ", columns.stream().map(Column::name).toList()) + ")";
    }

    private static String key(Index ix) {
        if (ix.isExpressionIndex()) {
            return "(" + String.join(", ", ix.expressions()) + ")";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < ix.columns().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(ix.columns().get(i).name()).append(ix.descending().get(i) ? " desc" : "");
        }
        return b.append(')').toString();
    }

    /** The {@code --json} document, keys in a fixed order. */
    static Map<String, Object> toJson(MetaData md) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tables", md.tables().stream().map(InspectCommand::toJson).toList());
        doc.put("views", md.views().stream().map(v -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", v.name());
            view.put("definition", v.definition());
            return view;
        }).toList());
        return doc;
    }

    private static Map<String, Object> toJson(Table table) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", table.name());
        doc.put("comment", table.comment());
        doc.put("columns", table.columns().stream().map(c -> {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("type", c.type().describe());
            col.put("nullable", c.isNullable());
            col.put("default", c.serverDefault() == null ? null : describe(c.serverDefault()));
            col.put("generated", c.isAutoincrement());
            col.put("comment", c.comment());
            return col;
        }).toList());
        doc.put("primaryKey", table.primaryKey().stream().map(Column::name).toList());
        doc.put("foreignKeys", table.foreignKeys().stream().map(fk -> {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("name", fk.name());
            key.put("columns", fk.columns().stream().map(Column::name).toList());
            key.put("references", fk.referencedTable().name());
            key.put("referencedColumns", fk.referenced().stream().map(Column::name).toList());
            key.put("onDelete", fk.onDelete().sql());
            key.put("onUpdate", fk.onUpdate().sql());
            return key;
        }).toList());
        doc.put("uniqueConstraints", table.uniqueConstraints().stream().map(uq -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("name", uq.name());
            u.put("columns", uq.columns().stream().map(Column::name).toList());
            return u;
        }).toList());
        doc.put("checks", table.checks().stream().map(ck -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", ck.name());
            c.put("sql", ck.sql());
            return c;
        }).toList());
        doc.put("indexes", table.indexes().stream().map(ix -> {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", ix.name());
            i.put("unique", ix.unique());
            i.put("columns", ix.columns().stream().map(Column::name).toList());
            i.put("descending", ix.descending());
            i.put("expressions", ix.expressions());
            i.put("where", ix.where());
            return i;
        }).toList());
        return doc;
    }
}
