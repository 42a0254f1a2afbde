package dev.ashlar.orm;

import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.SchemaRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks objects before anything is written: the schema's rules ({@link SchemaRules}) and the
 * model's own ({@link Validating}), collecting every violation of every object into one
 * {@link ValidationException}, so that a flush fails whole and early with all problems named.
 */
final class Validator {
    /**
     * An object about to be written.
     *
     * @param meta   its model
     * @param model  the object
     * @param insert whether it is inserted (unset generated values are then allowed)
     * @param exempt the fields the session fills itself, which must not be flagged as missing
     */
    record Target(ModelMeta meta, Object model, boolean insert, Set<FieldMapping> exempt) {
    }

    private Validator() {
    }

    /** Checks one object that the session fills nothing in for (a record). */
    static void validate(ModelMeta meta, Object model, boolean insert) {
        validate(List.of(new Target(meta, model, insert, Set.of())));
    }

    /**
     * Checks the objects.
     *
     * @throws ValidationException listing every violation found
     */
    static void validate(List<Target> targets) {
        List<Violation> violations = new ArrayList<>();
        for (Target t : targets) {
            SchemaRules.check(t.meta(), t.model(), t.insert(), t.exempt(),
                    (b, rule) -> violations.add(new Violation(t.meta().name(), b.name(), t.meta().get(t.model(), b), rule)));
            if (t.model() instanceof Validating v) {
                Violations own = new Violations(t.meta().name());
                v.validate(own);
                violations.addAll(own.found());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
