package dev.ashlar.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The full run in rounds: every workload's forks are spread over rounds of one fork per benchmark, and the
 * rounds' JSON is merged into one result per benchmark, as JMH would have written it for all the forks at once.
 *
 * <p>Why: this VM's speed drifts by itself. One fork of hand-written JDBC reading 100,000 rows from SQLite,
 * on one steadily busy CPU with no steal time, ran 12 iterations in a row at 205–228 ms and the next four at
 * 129–145 ms (bench/NOTES.md, thirteenth round). JMH runs all forks of one benchmark back to back, so the three
 * forks of one library all fell into the same minute of the machine, and a ratio between two libraries compared
 * two different minutes. In rounds, each library's forks are taken about twenty minutes apart, and in each round the
 * libraries of a workload run within minutes of each other: the drift lands in every library's error instead of
 * in one library's score.
 *
 * <p>Commands ({@code java -cp ... dev.ashlar.bench.report.Rounds ...}):
 * <ul>
 *   <li>{@code rounds}: the number of rounds, the most forks that a workload's {@link Fork} asks for;</li>
 *   <li>{@code excludes N}: a JMH exclude pattern for the workloads that ask for fewer than {@code N} forks, or
 *       nothing when round {@code N} runs them all;</li>
 *   <li>{@code merge OUT IN...}: the rounds' JSON files merged into {@code OUT}.</li>
 * </ul>
 */
public final class Rounds {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** JMH's confidence level for {@code scoreError} and {@code scoreConfidence}. */
    private static final double CONFIDENCE = 0.999;
    /** The percentiles JMH writes in {@code scorePercentiles}. */
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};
    /** The settings that must agree for forks to be one benchmark's. */
    private static final List<String> SETTINGS = List.of("jmhVersion", "mode", "threads", "jvm", "jvmArgs", "jdkVersion",
            "vmName", "vmVersion", "warmupIterations", "warmupTime", "warmupBatchSize", "measurementIterations",
            "measurementTime", "measurementBatchSize");

    private Rounds() {
    }

    public static void main(String[] args) throws IOException {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "rounds" -> System.out.println(rounds(forksByWorkload()));
            case "excludes" -> System.out.println(excludes(forksByWorkload(), Integer.parseInt(args[1])));
            case "merge" -> {
                List<JsonNode> inputs = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    inputs.add(JSON.readTree(Path.of(args[i]).toFile()));
                }
                JSON.writeValue(Path.of(args[1]).toFile(), merge(inputs));
            }
            default -> {
                System.err.println("usage: Rounds rounds | excludes N | merge OUT IN...");
                System.exit(2);
            }
        }
    }

    /** The forks each workload of {@link Report#WORKLOADS} asks for in its {@link Fork} (inherited from {@code Workload}). */
    static Map<String, Integer> forksByWorkload() {
        Map<String, Integer> forks = new LinkedHashMap<>();
        for (String workload : Report.WORKLOADS) {
            Class<?> type;
            try {
                type = Class.forName("dev.ashlar.bench." + workload);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Report.WORKLOADS names " + workload + ", which is not a class of dev.ashlar.bench", e);
            }
            Fork fork = type.getAnnotation(Fork.class);
            forks.put(workload, fork == null ? 1 : Math.max(1, fork.value()));
        }
        return forks;
    }

    static int rounds(Map<String, Integer> forks) {
        return forks.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** A pattern matching the benchmarks of the workloads with fewer than {@code round} forks, or {@code ""}. */
    static String excludes(Map<String, Integer> forks, int round) {
        List<String> fewer = new ArrayList<>();
        forks.forEach((workload, count) -> {
            if (count < round) {
                fewer.add(workload);
            }
        });
        return fewer.isEmpty() ? "" : "\\.(" + String.join("|", fewer) + ")\\.";
    }

    /**
     * One result per benchmark and parameters, in the order first seen: the forks of every input that ran it, with
     * score, error, confidence and percentiles worked out again over all their iterations by JMH's own statistics.
     * Metrics that JMH sums (its {@code gc.count}, {@code gc.time}: no error, the score the sum of the raw data) are
     * summed again; their percentiles are those of the raw data, since JMH's own also count the iterations without a
     * collection, which the raw data leaves out.
     */
    static ArrayNode merge(List<JsonNode> inputs) {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        for (JsonNode input : inputs) {
            for (JsonNode result : input) {
                byKey.computeIfAbsent(result.path("benchmark").asText() + " " + result.path("params"), k -> new ArrayList<>())
                        .add(result);
            }
        }
        ArrayNode merged = JSON.createArrayNode();
        byKey.forEach((key, results) -> merged.add(mergeOne(key, results)));
        return merged;
    }

    private static ObjectNode mergeOne(String key, List<JsonNode> results) {
        JsonNode first = results.get(0);
        for (JsonNode other : results) {
            for (String setting : SETTINGS) {
                if (!Objects.equals(first.get(setting), other.get(setting))) {
                    throw new IllegalArgumentException("cannot merge the forks of " + key + ": their " + setting + " differ ("
                            + first.get(setting) + " and " + other.get(setting) + "); run every round with the same settings");
                }
            }
        }
        ObjectNode out = first.deepCopy();
        int forks = 0;
        for (JsonNode r : results) {
            forks += r.path("forks").asInt();
        }
        out.put("forks", forks);
        // not JMH's: how many rounds gave forks to this result, which the report states beside the fork count
        out.put("rounds", results.size());
        out.set("primaryMetric", mergeMetric(results.stream().map(r -> r.get("primaryMetric")).toList()));
        Map<String, List<JsonNode>> secondaryByName = new LinkedHashMap<>();
        for (JsonNode r : results) {
            r.path("secondaryMetrics").fields().forEachRemaining(
                    metric -> secondaryByName.computeIfAbsent(metric.getKey(), k -> new ArrayList<>()).add(metric.getValue()));
        }
        ObjectNode secondary = JSON.createObjectNode();
        secondaryByName.forEach((name, metrics) -> secondary.set(name, mergeMetric(metrics)));
        out.set("secondaryMetrics", secondary);
        return out;
    }

    private static ObjectNode mergeMetric(List<JsonNode> metrics) {
        ObjectNode out = metrics.get(0).deepCopy();
        ArrayNode raw = JSON.createArrayNode();
        boolean summed = true;
        for (JsonNode metric : metrics) {
            metric.path("rawData").forEach(raw::add);
            summed &= isSum(metric);
        }
        ListStatistics statistics = new ListStatistics();
        raw.forEach(fork -> fork.forEach(value -> statistics.addValue(value.asDouble())));
        out.set("rawData", raw);
        if (metrics.stream().anyMatch(m -> m.has("rawDataHistogram"))) {
            ArrayNode histograms = JSON.createArrayNode();
            metrics.forEach(m -> m.path("rawDataHistogram").forEach(histograms::add));
            out.set("rawDataHistogram", histograms);
        }
        if (summed) {
            out.put("score", statistics.getSum());
            out.set("scoreError", number(Double.NaN));
            out.set("scoreConfidence", JSON.createArrayNode().add(statistics.getSum()).add(statistics.getSum()));
        } else {
            out.put("score", statistics.getMean());
            out.set("scoreError", number(statistics.getMeanErrorAt(CONFIDENCE)));
            ArrayNode confidence = JSON.createArrayNode();
            for (double bound : statistics.getConfidenceIntervalAt(CONFIDENCE)) {
                confidence.add(number(bound));
            }
            out.set("scoreConfidence", confidence);
        }
        ObjectNode percentiles = JSON.createObjectNode();
        for (double p : PERCENTILES) {
            percentiles.set(String.valueOf(p), number(statistics.getPercentile(p)));
        }
        out.set("scorePercentiles", percentiles);
        return out;
    }

    /**
     * Whether JMH summed this metric: it gives no error, and its score is the sum of its raw data. (A metric averaged
     * over a single value looks the same; rounds of several iterations do not make one.)
     */
    private static boolean isSum(JsonNode metric) {
        if (!"NaN".equals(metric.path("scoreError").asText())) {
            return false;
        }
        double sum = 0;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode value : fork) {
                sum += value.asDouble();
            }
        }
        // a round with no collection at all sums to nothing, and says nothing against summing
        return Math.abs(metric.path("score").asDouble() - sum) <= 1e-9 * Math.max(1, Math.abs(sum));
    }

    /** A value as JMH writes it: a number, or the string {@code "NaN"} for one that is not. */
    private static JsonNode number(double value) {
        return Double.isNaN(value) ? TextNode.valueOf("NaN") : DoubleNode.valueOf(value);
    }
}
