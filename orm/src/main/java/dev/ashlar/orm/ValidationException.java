package dev.ashlar.orm;

import dev.ashlar.core.error.AshlarException;
import java.util.List;

/**
 * Objects broke rules of the schema (NOT NULL, length, numeric precision and scale) or
 * of their own validators. Thrown by flush before any statement is sent, listing every violation.
 */
public class ValidationException extends AshlarException {
    private final List<Violation> violations;

    /** A failure listing {@code violations}. */
    public ValidationException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(List<Violation> violations) {
        StringBuilder sb = new StringBuilder(violations.size() + (violations.size() == 1 ? " violation" : " violations")
                + ", nothing was written:");
        for (Violation v : violations) {
            sb.append("\n  - ").append(v);
        }
        return sb.toString();
    }

    /** Every violation found. */
    public List<Violation> violations() {
        return violations;
    }
}
