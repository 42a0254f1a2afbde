package dev.ashlar.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void readsScalars() {
        assertThat(Json.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(Json.parse(" false ")).isEqualTo(Boolean.FALSE);
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse("\"abc\"")).isEqualTo("abc");
    }

    @Test
    void readsIntegersAsLongAndOtherNumbersAsDouble() {
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-42")).isEqualTo(-42L);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("92233720368547758070")).isEqualTo(9.223372036854775807E19);
        assertThat(Json.parse("3583.5")).isEqualTo(3583.5);
        assertThat(Json.parse("-1.5e3")).isEqualTo(-1500.0);
        assertThat(Json.parse("2E-2")).isEqualTo(0.02);
    }

    @Test
    void readsEscapesInStrings() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")).isEqualTo("a\"b\\c/d\b\f\n\r\t");
        assertThat(Json.parse("\"caf\\u00e9 \\u20AC\"")).isEqualTo("café €");
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"items.`name` = 'item-777'\"")).isEqualTo("items.`name` = 'item-777'");
    }

    /** MariaDB's JSON plans escape an apostrophe in a string literal as {@code \'}, which RFC 8259 does not list. */
    @Test
    void readsABackslashBeforeAnyCharacterAsThatCharacter() {
        assertThat(Json.parse("{\"attached_condition\": \"name = 'D\\'Angelo'\"}"))
                .isEqualTo(Map.of("attached_condition", "name = 'D'Angelo'"));
        assertThat(Json.parse("\"\\x\\%\"")).isEqualTo("x%");
    }

    @Test
    void readsNestedObjectsAndArraysInOrder() {
        Object value = Json.parse("""
                [ {"Plan": {"Node Type": "Seq Scan", "Plan Rows": 1, "Plans": [], "x": [1, [2, {}]]},
                   "empty": {} }, [] ]""");
        assertThat(value).isInstanceOf(List.class);
        List<?> list = (List<?>) value;
        assertThat(list).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) list.get(0);
        assertThat(List.<Object>copyOf(first.keySet())).containsExactly("Plan", "empty");
        Map<?, ?> plan = (Map<?, ?>) first.get("Plan");
        assertThat(List.<Object>copyOf(plan.keySet())).containsExactly("Node Type", "Plan Rows", "Plans", "x");
        assertThat(plan.get("Node Type")).isEqualTo("Seq Scan");
        assertThat(plan.get("Plan Rows")).isEqualTo(1L);
        assertThat(plan.get("Plans")).isEqualTo(List.of());
        assertThat(plan.get("x")).isEqualTo(List.of(1L, List.of(2L, Map.of())));
        assertThat(list.get(1)).isEqualTo(List.of());
    }

    @Test
    void keepsNullsInArraysAndObjects() {
        Map<?, ?> map = (Map<?, ?>) Json.parse("{\"a\": null, \"b\": [null, 1]}");
        assertThat(map.containsKey("a")).isTrue();
        assertThat(map.get("a")).isNull();
        assertThat(map.get("b")).isEqualTo(Arrays.asList(null, 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,]", "[1 2]", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "\"open", "01", "1.",
            "-", "1e", "tru", "nul", "\"\\u12G4\"", "\"\\u12\"", "[1] 2", "\"tab\there\"", "'single'"})
    void rejectsInvalidJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("offset");
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "q\"uote\\ \n\u0001é");
        map.put("n", 12L);
        map.put("d", 1.5);
        map.put("b", true);
        map.put("nothing", null);
        map.put("list", Arrays.asList(1L, "x", null, Map.of()));
        String text = Json.write(map);
        assertThat(text).isEqualTo("{\"s\":\"q\\\"uote\\\\ \\n\\u0001é\",\"n\":12,\"d\":1.5,\"b\":true,\"nothing\":null,"
                + "\"list\":[1,\"x\",null,{}]}");
        assertThat(Json.parse(text)).isEqualTo(map);
    }
}
