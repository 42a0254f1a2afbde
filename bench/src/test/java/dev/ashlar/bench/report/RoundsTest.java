package dev.ashlar.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The rounds of the full run: which workloads each round runs, and that merging rounds of one fork each gives what
 * JMH itself computed for the same forks run in one go. The reference is JMH's own JSON from the full run of
 * 2026-12-02 at b7ce94b (fetchAll with three forks, lookup with one, {@code -prof gc}).
 */
class RoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void roundsFollowTheWorkloadsForkAnnotations() {
        Map<String, Integer> forks = Rounds.forksByWorkload();
        assertThat(forks).containsEntry("FetchAll", 5).containsEntry("Insert", 5).containsEntry("Stream", 3)
                .containsEntry("Update", 3).containsEntry("Lookup", 5).containsEntry("Queries20", 1);
        assertThat(Rounds.rounds(forks)).isEqualTo(5);
        assertThat(Rounds.excludes(forks, 1)).isEmpty();
        String second = Rounds.excludes(forks, 2);
        assertThat(second).isEqualTo("\\.(Queries20)\\.");
        assertThat("dev.ashlar.bench.Queries20.jdbc").containsPattern(second);
        assertThat("dev.ashlar.bench.Lookup.jdbc").doesNotContainPattern(second);
        assertThat("dev.ashlar.bench.FetchAll.jdbc").doesNotContainPattern(second);
        // rounds 4 and 5 are fetchAll's, insert's and lookup's alone
        String fourth = Rounds.excludes(forks, 4);
        assertThat(fourth).isEqualTo("\\.(Update|Stream|Queries20)\\.");
        assertThat("dev.ashlar.bench.Lookup.ashlarOrm").doesNotContainPattern(fourth);
        assertThat("dev.ashlar.bench.Update.ashlarOrm").containsPattern(fourth);
        assertThat("dev.ashlar.bench.FetchAll.ashlarOrm").doesNotContainPattern(fourth);
        assertThat("dev.ashlar.bench.Insert.ashlarCore").doesNotContainPattern(fourth);
    }

    @Test
    void mergingOneForkPerRoundGivesJmhsStatisticsForAllForks() throws IOException {
        JsonNode reference = reference();
        List<JsonNode> rounds = splitIntoRounds(reference);
        assertThat(rounds).hasSize(3);
        assertThat(rounds.get(1)).hasSize(4); // fetchAll's four benchmarks; lookup ran one fork, in round one only

        ArrayNode merged = Rounds.merge(rounds);
        assertThat(Report.inRounds(JSON.convertValue(merged, List.class))).contains("one per round");
        assertThat(Report.inRounds(JSON.convertValue(reference, List.class))).isEmpty();

        assertThat(merged).hasSize(reference.size());
        for (int i = 0; i < reference.size(); i++) {
            JsonNode expected = reference.get(i);
            JsonNode actual = merged.get(i);
            String name = expected.get("benchmark").asText() + " " + expected.get("params");
            assertThat(actual.get("benchmark")).as(name).isEqualTo(expected.get("benchmark"));
            assertThat(actual.get("params")).as(name).isEqualTo(expected.get("params"));
            assertThat(actual.get("forks")).as(name).isEqualTo(expected.get("forks"));
            assertThat(actual.get("rounds").asInt()).as(name).isEqualTo(expected.get("forks").asInt());
            assertSameMetric(name + " primary", actual.get("primaryMetric"), expected.get("primaryMetric"));
            assertThat(fieldNames(actual.get("secondaryMetrics"))).as(name).isEqualTo(fieldNames(expected.get("secondaryMetrics")));
            for (String metric : fieldNames(expected.get("secondaryMetrics"))) {
                assertSameMetric(name + " " + metric, actual.get("secondaryMetrics").get(metric),
                        expected.get("secondaryMetrics").get(metric));
            }
        }
    }

    @Test
    void refusesToMergeForksRunWithDifferentSettings() throws IOException {
        List<JsonNode> rounds = splitIntoRounds(reference());
        ((ObjectNode) rounds.get(2).get(0)).put("measurementIterations", 7);
        assertThatThrownBy(() -> Rounds.merge(rounds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.ashlar.bench.FetchAll.ashlarOrm")
                .hasMessageContaining("measurementIterations differ (5 and 7)");
    }

    private static void assertSameMetric(String name, JsonNode actual, JsonNode expected) {
        assertThat(actual.get("rawData")).as(name).isEqualTo(expected.get("rawData"));
        assertNumber(name + " score", actual.get("score"), expected.get("score"));
        assertNumber(name + " scoreError", actual.get("scoreError"), expected.get("scoreError"));
        for (int b = 0; b < 2; b++) {
            assertNumber(name + " scoreConfidence", actual.get("scoreConfidence").get(b), expected.get("scoreConfidence").get(b));
        }
        assertThat(fieldNames(actual.get("scorePercentiles"))).as(name).isEqualTo(fieldNames(expected.get("scorePercentiles")));
        if (expected.get("scoreError").isTextual()) {
            return; // a summed metric's percentiles count iterations without an event, which its rawData leaves out
        }
        for (String p : fieldNames(expected.get("scorePercentiles"))) {
            assertNumber(name + " p" + p, actual.get("scorePercentiles").get(p), expected.get("scorePercentiles").get(p));
        }
        assertThat(actual.get("scoreUnit")).as(name).isEqualTo(expected.get("scoreUnit"));
    }

    private static void assertNumber(String name, JsonNode actual, JsonNode expected) {
        if (expected.isTextual()) {
            assertThat(actual.asText()).as(name).isEqualTo(expected.asText()); // "NaN", as JMH writes it
        } else {
            assertThat(actual.isNumber()).as(name + " is a number").isTrue();
            double e = expected.asDouble();
            assertThat(actual.asDouble()).as(name).isCloseTo(e, within(1e-9 * Math.max(1, Math.abs(e))));
        }
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = RoundsTest.class.getResourceAsStream("/jmh-full-2026-12-02-b7ce94b.json")) {
            return JSON.readTree(in);
        }
    }

    /**
     * Round {@code r} holds fork {@code r} of every benchmark that ran that many, scored as JMH scores one fork: the
     * mean of its iterations with its own error, or the sum for metrics JMH sums (no error, score the sum).
     */
    private static List<JsonNode> splitIntoRounds(JsonNode reference) {
        List<JsonNode> rounds = new ArrayList<>();
        for (int r = 0; ; r++) {
            ArrayNode round = JSON.createArrayNode();
            for (JsonNode result : reference) {
                if (r < result.get("primaryMetric").get("rawData").size()) {
                    ObjectNode fork = result.deepCopy();
                    fork.put("forks", 1);
                    fork.set("primaryMetric", oneFork(result.get("primaryMetric"), r));
                    ObjectNode secondary = JSON.createObjectNode();
                    for (String metric : fieldNames(result.get("secondaryMetrics"))) {
                        secondary.set(metric, oneFork(result.get("secondaryMetrics").get(metric), r));
                    }
                    fork.set("secondaryMetrics", secondary);
                    round.add(fork);
                }
            }
            if (round.isEmpty()) {
                return rounds;
            }
            rounds.add(round);
        }
    }

    private static ObjectNode oneFork(JsonNode metric, int r) {
        ObjectNode fork = metric.deepCopy();
        JsonNode values = metric.get("rawData").get(r);
        fork.set("rawData", JSON.createArrayNode().add(values));
        ListStatistics statistics = new ListStatistics();
        values.forEach(v -> statistics.addValue(v.asDouble()));
        boolean summed = "NaN".equals(metric.get("scoreError").asText());
        double score = summed ? statistics.getSum() : statistics.getMean();
        fork.put("score", score);
        double error = summed ? Double.NaN : statistics.getMeanErrorAt(0.999);
        if (Double.isNaN(error)) {
            fork.put("scoreError", "NaN");
        } else {
            fork.put("scoreError", error);
        }
        return fork;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
