package dev.ashlar.cli;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.explain.PlanNode;
import dev.ashlar.core.explain.QueryPlan;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ashlar explain [--url URL] [--json] [--fail-on-full-scan] "SQL"}: prints the query plan and the verdict. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print a query's plan and say whether it scans whole tables or uses indexes.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the plan was printed", "1:error (bad URL, unreachable database, SQL error)",
            "2:usage error", "3:--fail-on-full-scan was given and the plan reads a whole table"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "Print the plan as one JSON document: verdict, full scans, indexes used, plan tree.")
    boolean json;

    @Option(names = "--fail-on-full-scan", description = "Exit with status 3 when the plan reads a whole table (for CI).")
    boolean failOnFullScan;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query to explain. It is planned, not run.")
    String sql;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        QueryPlan plan;
        try (Engine engine = database.openEngine(); Connection connection = engine.connect();
             Transaction readOnly = connection.begin()) {
            // Never committed: explain must change nothing, and PostgreSQL's driver would run a second statement
            // after a ';' (SELECT 1; DROP TABLE t) before reporting the extra result. The rollback undoes it.
            plan = connection.explain(sql, List.of());
        }
        if (json) {
            Json.write(context.out(), toJson(plan));
        } else {
            print(context, plan);
        }
        if (failOnFullScan && plan.hasFullScan()) {
            context.err().println(context.style().red("full scan:") + " the plan reads all of " + String.join(", ", plan.fullScans())
                    + " (--fail-on-full-scan); add an index that the query's conditions can use");
            return ExitCodes.DIFFERENCE;
        }
        return ExitCodes.OK;
    }

    private static void print(CliContext context, QueryPlan plan) {
        PrintStream out = context.out();
        Style style = context.style();
        String rendered = plan.render();
        int verdictAt = rendered.lastIndexOf("verdict: ");
        out.print(rendered.substring(0, verdictAt));
        String verdict = plan.verdict();
        out.println(style.bold("verdict: ") + (plan.hasFullScan() ? style.red(verdict) : style.green(verdict)));
        out.flush();
    }

    /** The {@code --json} document; keys in a fixed order so that output diffs well. */
    static Map<String, Object> toJson(QueryPlan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", plan.dialect());
        doc.put("sql", plan.sql());
        doc.put("verdict", plan.verdict());
        doc.put("fullScan", plan.hasFullScan());
        doc.put("fullScans", List.copyOf(plan.fullScans()));
        doc.put("indexesUsed", List.copyOf(plan.indexesUsed()));
        doc.put("plan", plan.roots().stream().map(ExplainCommand::toJson).toList());
        return doc;
    }

    private static Map<String, Object> toJson(PlanNode node) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("operation", node.operation());
        doc.put("table", node.table());
        doc.put("index", node.index());
        doc.put("fullScan", node.fullScan());
        doc.put("estimatedRows", node.estimatedRows());
        doc.put("cost", node.cost());
        doc.put("detail", node.detail());
        doc.put("children", node.children().stream().map(ExplainCommand::toJson).toList());
        return doc;
    }
}
