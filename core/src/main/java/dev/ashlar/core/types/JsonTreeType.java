package dev.ashlar.core.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ashlar.core.error.DataException;
import java.sql.SQLException;

/**
 * JSON held as a Jackson {@link JsonNode} tree, stored like {@link Types#json()}. Jackson is an
 * optional dependency: this class is loaded only by code that uses it, so applications without
 * Jackson keep {@code json()} and its text values.
 */
public final class JsonTreeType extends MappedType<JsonNode, String> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonTreeType INSTANCE = new JsonTreeType();

    private JsonTreeType() {
        super(JsonNode.class, Types.json());
    }

    /** The JSON tree type. */
    public static JsonTreeType jsonTree() {
        return INSTANCE;
    }

    @Override
    public String toStorage(JsonNode value) {
        return value.toString();
    }

    @Override
    public JsonNode fromStorage(String stored) {
        try {
            return MAPPER.readTree(stored);
        } catch (JsonProcessingException e) {
            // SQLSTATE 22032, invalid_json_text: a data error, as a driver would report it
            throw new DataException(new SQLException("the database returned text that is not JSON: " + e.getOriginalMessage()
                    + "; fix the stored value, or map the column as text", "22032", e), null, null);
        }
    }

    @Override
    public String describe() {
        return "Json(tree)";
    }
}
