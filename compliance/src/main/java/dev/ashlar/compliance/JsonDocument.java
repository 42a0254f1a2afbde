package dev.ashlar.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * JSON text as a tree, for comparing documents that a database may give back with its own key order
 * and white space (PostgreSQL's {@code JSONB} normalises both).
 */
public final class JsonDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonDocument() {
    }

    /** The document as a tree whose {@code equals} ignores key order and white space. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a JSON document: " + text, e);
        }
    }
}
