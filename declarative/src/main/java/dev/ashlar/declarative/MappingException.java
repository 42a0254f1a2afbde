package dev.ashlar.declarative;

import dev.ashlar.core.error.DefinitionException;
import java.util.List;

/**
 * A model class that cannot be mapped: no {@code @Id}, a field type without a column type, a
 * BigDecimal without {@code @Numeric} and the like. Thrown when the model is first used, with
 * every problem of the model listed, each naming the class and the field.
 */
public class MappingException extends DefinitionException {
    private final Class<?> modelClass;
    private final List<String> problems;

    /** A failure listing {@code problems}, each already prefixed with {@code Model.field: }. */
    public MappingException(Class<?> modelClass, List<String> problems) {
        super(message(modelClass, problems));
        this.modelClass = modelClass;
        this.problems = List.copyOf(problems);
    }

    /** A failure with a single problem and its cause. */
    public MappingException(Class<?> modelClass, String problem, Throwable cause) {
        super(message(modelClass, List.of(problem)), cause);
        this.modelClass = modelClass;
        this.problems = List.of(problem);
    }

    private static String message(Class<?> modelClass, List<String> problems) {
        StringBuilder sb = new StringBuilder("model ").append(modelClass.getName()).append(" cannot be mapped (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            sb.append("\n  - ").append(problem);
        }
        return sb.toString();
    }

    /** The class that failed to map. */
    public Class<?> modelClass() {
        return modelClass;
    }

    /** Each problem as one sentence starting with {@code Model.field: }. */
    public List<String> problems() {
        return problems;
    }
}
