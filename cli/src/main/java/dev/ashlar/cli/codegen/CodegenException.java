package dev.ashlar.cli.codegen;

import dev.ashlar.core.error.AshlarException;
import java.util.List;

/**
 * Codegen met tables it cannot map to models; nothing was written. The message lists every
 * problem, each naming the table and the column or key at fault, and says what to do.
 */
public final class CodegenException extends AshlarException {
    private final List<String> problems;

    /** An exception listing {@code problems}, one line each. */
    public CodegenException(List<String> problems) {
        super("cannot generate models, so nothing was written:\n  - " + String.join("\n  - ", problems)
                + "\nLeave these tables out with --tables (listing the tables to generate), or change them, and run codegen again.");
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per table, column or key at fault. */
    public List<String> problems() {
        return problems;
    }
}
