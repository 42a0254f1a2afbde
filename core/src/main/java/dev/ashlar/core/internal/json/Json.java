package dev.ashlar.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to plain Java values and back, over jackson-core's streaming parser and generator (no
 * data binding), for the plans that databases print with EXPLAIN.
 *
 * <p>Not API. Objects become insertion-ordered {@code Map<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String}, integers that fit {@code Long} and other numbers
 * {@code Double}, {@code true}/{@code false} {@code Boolean}, and {@code null} Java {@code null};
 * returned maps and lists are unmodifiable. One leniency beyond RFC 8259: a backslash before any
 * character stands for that character, because MariaDB writes {@code 'D\'Angelo'} inside its JSON
 * plans.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private Json() {
    }

    /**
     * Parses one JSON value that makes up the whole text, apart from surrounding white space.
     *
     * @throws JsonException when the text is not valid JSON; the message gives the offset
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new JsonException("no JSON text (null)");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonException("no JSON value at offset 0");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonException("unexpected text after the JSON value at offset " + parser.currentTokenLocation().getCharOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonException(e.getOriginalMessage() + " at offset " + e.getLocation().getCharOffset(), e);
        } catch (IOException e) {
            throw new JsonException("cannot read JSON text: " + e.getMessage(), e); // a String source does no I/O
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    map.put(name, value(parser, parser.nextToken()));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getDoubleValue(); // too large for a Long
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonException("unexpected " + token + " at offset " + parser.currentTokenLocation().getCharOffset());
        }
    }

    /** Writes a value built from the same types {@link #parse} returns, compactly, as JSON text. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(value, generator);
        } catch (IOException e) {
            throw new JsonException("cannot write JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new JsonException("JSON has no representation for " + d);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            out.writeNumber(n.doubleValue());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                write(e.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(element, out);
            }
            out.writeEndArray();
        } else {
            throw new JsonException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }
}
