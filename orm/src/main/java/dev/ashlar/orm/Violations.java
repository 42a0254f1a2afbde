package dev.ashlar.orm;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one object, for {@link Validating#validate}. */
public final class Violations {
    private final String model;
    private final List<Violation> found = new ArrayList<>();

    Violations(String model) {
        this.model = model;
    }

    /** Records that {@code field} holding {@code value} breaks {@code rule}. */
    public void add(String field, Object value, String rule) {
        found.add(new Violation(model, field, value, rule));
    }

    List<Violation> found() {
        return found;
    }
}
