package dev.ashlar.orm;

/**
 * One broken rule of one model object.
 *
 * @param model the model class name
 * @param field the field name
 * @param value the offending value
 * @param rule  the rule, such as {@code not null}, {@code length <= 40}, {@code numeric(10,2)}
 */
public record Violation(String model, String field, Object value, String rule) {
    /** {@code Model.field = value: rule}, with long strings shortened so one huge value does not flood the message. */
    @Override
    public String toString() {
        String shown = value instanceof String s ? "'" + (s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s) + "'"
                : String.valueOf(value);
        return model + "." + field + " = " + shown + ": " + rule;
    }
}
