package dev.ashlar.cli;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.explain.QueryPlan;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ashlar explain --url URL "SQL"}: prints the query plan and the verdict. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print a query's plan and say whether it scans whole tables or uses indexes.")
final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "Database URL, e.g. sqlite:///items.db or postgresql://user@localhost/db")
    String url;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query to explain.")
    String sql;

    @Override
    public Integer call() {
        try (Engine engine = Engine.create(url); Connection connection = engine.connect()) {
            QueryPlan plan = connection.explain(sql, List.of());
            System.out.println(plan.render());
            return 0;
        }
    }
}
