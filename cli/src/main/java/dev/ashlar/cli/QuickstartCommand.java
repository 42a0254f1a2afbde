package dev.ashlar.cli;

import dev.ashlar.examples.QuickStart;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ashlar quickstart [--url URL]}: runs the Item example, by default on {@code sqlite:///items.db}. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the Item example: create the table, add items, query them, and explain a lookup before and after an index.")
final class QuickstartCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "sqlite:///items.db", description = "Database URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Override
    public Integer call() {
        QuickStart.run(url, System.out);
        return 0;
    }
}
