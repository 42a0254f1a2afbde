package dev.ashlar.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code docs/benchmarks.md} from JMH's JSON result: for each workload and database a table
 * of score, error and units per library, with the ratio to hand-written JDBC; a summary of all
 * ratios; the machine, the JVM and the command; then the hand-written notes appended as they are.
 *
 * <p>Usage: {@code Report <result.json> <output.md> <command line> [notes.md] [sqlalchemy.json]}. The last,
 * written by {@code bench/python/sqlalchemy_bench.py}, adds SQLAlchemy Core and ORM as further columns for
 * the insert, fetchAll, lookup and update workloads.
 */
public final class Report {
    static final List<String> WORKLOADS = List.of("Insert", "FetchAll", "Lookup", "Update", "Stream", "Queries20");
    static final List<String> LIBRARIES = List.of("jdbc", "ashlarCore", "ashlarOrm", "hibernate", "jooq", "jdbi");
    static final List<String> DATABASES = List.of("sqlite", "postgresql");
    /** Reads JSON into maps, lists, strings and numbers: all the report asks of it. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One benchmark result: workload, library, database, the primary metric, and the bytes allocated per
     * operation when the run had JMH's GC profiler ({@code -prof gc}; NaN otherwise).
     */
    record Score(String workload, String library, String db, String scale, double score, double error, String unit,
                 String mode, int iterations, double bytesPerOp) {
    }

    /** Rows (or lookups, or statements) one operation of each workload handles at scale 1; queries20 does not scale. */
    static final Map<String, Integer> ROWS_PER_OP = Map.of("Insert", 100_000, "FetchAll", 100_000, "Lookup", 10_000,
            "Update", 10_000, "Stream", 1_000_000, "Queries20", 20);

    private Report() {
    }

    /** Entry point, run by {@code bench/run}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Report <result.json> <output.md> <command line> [notes.md] [sqlalchemy.json]");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        List<?> results = (List<?>) JSON.readValue(Files.readString(json, StandardCharsets.UTF_8), Object.class);
        String notes = args.length > 3 && Files.exists(Path.of(args[3])) ? Files.readString(Path.of(args[3])) : "";
        Map<?, ?> python = null;
        String pythonSource = null;
        if (args.length > 4 && Files.exists(Path.of(args[4]))) {
            python = (Map<?, ?>) JSON.readValue(Files.readString(Path.of(args[4]), StandardCharsets.UTF_8), Object.class);
            pythonSource = args[4];
        }
        String markdown = render(results, json.toString(), args[2], notes, python, pythonSource, runDate(json));
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
    }

    /**
     * The day the results were written, which the report gives as the run's date (the report itself is
     * written again whenever the notes change): the date of the commit that last changed the file when
     * the file is committed as it is, since a clone's files all carry the day of the clone; else the
     * file's own time, as right after {@code bench/run} wrote it.
     */
    static LocalDate runDate(Path json) throws IOException {
        LocalDate written = LocalDate.ofInstant(Files.getLastModifiedTime(json).toInstant(), java.time.ZoneOffset.UTC);
        Path file = json.toAbsolutePath();
        String directory = file.getParent().toString();
        String name = file.getFileName().toString();
        if (!"".equals(git("-C", directory, "status", "--porcelain", "--", name))) {
            return written; // not in a repository, or not committed as it is
        }
        String committed = git("-C", directory, "log", "-1", "--format=%cs", "--", name);
        return committed == null || committed.isEmpty() ? written : LocalDate.parse(committed);
    }

    /** What {@code git args} prints, trimmed, or {@code null} when git is missing or fails (not a repository). */
    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String render(List<?> results, String source, String command, String notes, Map<?, ?> python,
                         String pythonSource, LocalDate date) {
        List<Score> scores = new ArrayList<>();
        Map<?, ?> first = results.isEmpty() ? Map.of() : (Map<?, ?>) results.get(0);
        for (Object o : results) {
            scores.add(score((Map<?, ?>) o));
        }
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("<!-- Generated by dev.ashlar.bench.report.Report from ").append(source)
                .append("; edit bench/NOTES.md for the text after the tables, then run bench/run again. -->\n\n");
        md.append("Ashlar side by side with hand-written JDBC, Hibernate, jOOQ and JDBI, on the same work in the same run.\n")
                .append("Times per operation: lower is better. `× jdbc` is the score divided by hand-written JDBC's score on the same\n")
                .append("workload and database (1.00 = as fast as the floor; 2.00 = twice as long).\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| Command | `").append(command).append("` |\n");
        md.append("| Date | ").append(date).append(" |\n");
        md.append("| Machine | ").append(machine()).append(" |\n");
        md.append("| JVM | ").append(str(first.get("jdkVersion"))).append(", ").append(str(first.get("vmName"))).append(' ')
                .append(str(first.get("vmVersion"))).append(" |\n");
        md.append("| JMH | ").append(str(first.get("jmhVersion"))).append(", ").append(forks(results)).append(inRounds(results)).append(", ")
                .append(str(first.get("warmupIterations"))).append(" warm-up and ").append(str(first.get("measurementIterations")))
                .append(" measured iterations of ").append(str(first.get("measurementTime")))
                .append("; average time per operation over each iteration (stream: single-shot, one whole stream per iteration) |\n");
        if (!scores.isEmpty()) {
            md.append("| Row counts | scale ").append(scores.get(0).scale())
                    .append(" of the full counts (insert 100,000; fetchAll 100,000; lookup 10,000; update 10,000; stream 1,000,000) |\n");
        }
        md.append('\n');

        summary(md, scores);
        if (python != null) {
            sqlalchemy(md, scores, python, pythonSource);
        }
        targets(md, scores);
        allocations(md, scores);
        for (String workload : WORKLOADS) {
            for (String db : DATABASES) {
                table(md, scores, workload, db);
            }
        }
        if (!notes.isBlank()) {
            md.append(notes.strip()).append('\n');
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, List<Score> scores) {
        md.append("## Summary: ratio to hand-written JDBC\n\n| workload | db |");
        List<String> libraries = librariesPresent(scores);
        for (String library : libraries) {
            md.append(' ').append(library).append(" |");
        }
        md.append("\n| --- | --- |");
        libraries.forEach(l -> md.append(" ---: |"));
        md.append('\n');
        for (String workload : WORKLOADS) {
            for (String db : DATABASES) {
                Score floor = find(scores, workload, "jdbc", db);
                if (floor == null) {
                    continue;
                }
                md.append("| ").append(label(workload)).append(" | ").append(db).append(" |");
                for (String library : libraries) {
                    Score s = find(scores, workload, library, db);
                    md.append(' ').append(s == null ? "—" : ratio(s, floor)).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    /** The workloads the SQLAlchemy script runs, and its two libraries. */
    static final List<String> PYTHON_WORKLOADS = List.of("Insert", "FetchAll", "Lookup", "Update");
    static final List<String> PYTHON_LIBRARIES = List.of("sqlalchemyCore", "sqlalchemyOrm");

    /**
     * SQLAlchemy Core and ORM next to hand-written JDBC and Ashlar, from {@code sqlalchemy_bench.py}'s JSON. Its
     * times are whole-operation loops in CPython, not JMH; a ratio to JDBC is given only when both ran the same
     * row counts (the same scale).
     */
    private static void sqlalchemy(StringBuilder md, List<Score> scores, Map<?, ?> python, String source) {
        List<?> results = python.get("results") instanceof List<?> l ? l : List.of();
        double pythonScale = num(python.get("scale"));
        String javaScale = scores.isEmpty() ? "?" : scores.get(0).scale();
        boolean sameScale = num(javaScale) == pythonScale;
        md.append("## SQLAlchemy (Python)\n\n")
                .append("SQLAlchemy ").append(str(python.get("sqlalchemy"))).append(" Core and ORM (2.0-style API) on ")
                .append(str(python.get("implementation"))).append(' ').append(str(python.get("python")))
                .append(", the same workloads, table, rows and databases (`").append(source).append("`, ")
                .append(str(python.get("mode"))).append(" mode, ").append(str(python.get("date"))).append("). ")
                .append("**Caveat: measured as whole-run loops in CPython, not JMH** (`bench/python/sqlalchemy_bench.py`: ")
                .append(str(python.get("warmupIterations"))).append(" warm-up and ").append(str(python.get("measurementIterations")))
                .append(" measured iterations of at least ").append(str(python.get("iterationSeconds")))
                .append(" s, each the mean time of the whole operations it ran; error: 99.9% Student-t half-width over ")
                .append("the iterations). ");
        if (python.get("note") instanceof String note && !note.isBlank()) {
            md.append(note.strip()).append(' ');
        }
        if (sameScale) {
            md.append("`× jdbc` divides by hand-written JDBC's JMH score above, at the same scale (")
                    .append(javaScale).append(").\n\n");
        } else {
            md.append("These ran at scale ").append(trim(pythonScale))
                    .append(" and the JMH results above at scale ").append(javaScale)
                    .append(": different row counts, so no ratio to JDBC is given (`—`).\n\n");
        }
        md.append("| workload | db | jdbc (JMH) | ashlarCore (JMH) | ashlarOrm (JMH) |");
        PYTHON_LIBRARIES.forEach(l -> md.append(' ').append(l).append(" | ").append(l).append(" × jdbc |"));
        md.append("\n| --- | --- | ---: | ---: | ---: |");
        PYTHON_LIBRARIES.forEach(l -> md.append(" ---: | ---: |"));
        md.append('\n');
        for (String workload : PYTHON_WORKLOADS) {
            for (String db : DATABASES) {
                Score floor = find(scores, workload, "jdbc", db);
                StringBuilder line = new StringBuilder("| ").append(label(workload)).append(" | ").append(db).append(" | ")
                        .append(timed(floor)).append(" | ").append(timed(find(scores, workload, "ashlarCore", db))).append(" | ")
                        .append(timed(find(scores, workload, "ashlarOrm", db))).append(" |");
                boolean any = false;
                for (String library : PYTHON_LIBRARIES) {
                    Map<?, ?> r = pythonResult(results, label(workload), library, db);
                    if (r == null) {
                        line.append(" — | — |");
                        continue;
                    }
                    any = true;
                    double score = num(r.get("score"));
                    double error = num(r.get("scoreError"));
                    line.append(' ').append(number(score)).append(Double.isNaN(error) ? "" : " ± " + number(error))
                            .append(' ').append(str(r.get("scoreUnit"))).append(" | ");
                    boolean comparable = sameScale && floor != null && floor.score() != 0
                            && floor.unit().equals(str(r.get("scoreUnit")));
                    line.append(comparable ? "**" + String.format(Locale.ROOT, "%.2f", score / floor.score()) + "**" : "—")
                            .append(" |");
                }
                if (any) {
                    md.append(line).append('\n');
                }
            }
        }
        md.append('\n');
    }

    private static Map<?, ?> pythonResult(List<?> results, String workload, String library, String db) {
        for (Object o : results) {
            if (o instanceof Map<?, ?> r && workload.equals(r.get("workload")) && library.equals(r.get("library"))
                    && db.equals(r.get("db"))) {
                return r;
            }
        }
        return null;
    }

    private static String timed(Score s) {
        return s == null ? "—" : number(s.score()) + " " + s.unit();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The targets, each ratio measured in this run, with a check mark where it is met. */
    private static void targets(StringBuilder md, List<Score> scores) {
        if (scores.stream().noneMatch(s -> s.library().equals("ashlarOrm"))) {
            return;
        }
        md.append("## Targets\n\n")
                .append("Ratios of times (lower is better for Ashlar). Targets: ORM / jdbc ≤ 1.10 on insert, fetchAll and lookup; ")
                .append("ORM / hibernate ≤ 0.50 (2× faster) on insert, fetchAll and update; Ashlar / jOOQ and Ashlar / JDBI ≤ 1.00 ")
                .append("everywhere. ✓ met, ✗ missed, blank: no target for that workload.\n\n")
                .append("| workload | db | ORM / jdbc | ORM / hibernate | ORM / jooq | ORM / jdbi | core / jdbc | core / jooq | core / jdbi |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String workload : WORKLOADS) {
            for (String db : DATABASES) {
                Score orm = find(scores, workload, "ashlarOrm", db);
                Score core = find(scores, workload, "ashlarCore", db);
                if (orm == null && core == null) {
                    continue;
                }
                boolean jdbcTarget = List.of("Insert", "FetchAll", "Lookup").contains(workload);
                boolean hibernateTarget = List.of("Insert", "FetchAll", "Update").contains(workload);
                md.append("| ").append(label(workload)).append(" | ").append(db).append(" | ")
                        .append(target(orm, find(scores, workload, "jdbc", db), jdbcTarget ? 1.10 : Double.NaN)).append(" | ")
                        .append(target(orm, find(scores, workload, "hibernate", db), hibernateTarget ? 0.50 : Double.NaN)).append(" | ")
                        .append(target(orm, find(scores, workload, "jooq", db), 1.0)).append(" | ")
                        .append(target(orm, find(scores, workload, "jdbi", db), 1.0)).append(" | ")
                        .append(target(core, find(scores, workload, "jdbc", db), Double.NaN)).append(" | ")
                        .append(target(core, find(scores, workload, "jooq", db), 1.0)).append(" | ")
                        .append(target(core, find(scores, workload, "jdbi", db), 1.0)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static String target(Score s, Score other, double limit) {
        if (s == null || other == null || other.score() == 0 || Double.isNaN(s.score())) {
            return "—";
        }
        double r = s.score() / other.score();
        String text = String.format(Locale.ROOT, "%.2f", r);
        return Double.isNaN(limit) ? text : text + (r <= limit ? " ✓" : " ✗");
    }

    /** Bytes allocated per row (per lookup, per statement for queries20), from JMH's GC profiler when it ran. */
    private static void allocations(StringBuilder md, List<Score> scores) {
        if (scores.stream().allMatch(s -> Double.isNaN(s.bytesPerOp()))) {
            return;
        }
        List<String> libraries = librariesPresent(scores);
        md.append("## Allocations per row\n\n")
                .append("`gc.alloc.rate.norm` (JMH `-prof gc`, bytes per operation) divided by the rows of one operation ")
                .append("(per lookup for lookup, per read-and-update for queries20). Includes the benchmark's own objects ")
                .append("(the items the insert copies, the lists that hold the results).\n\n| workload | db |");
        libraries.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append("\n| --- | --- |");
        libraries.forEach(l -> md.append(" ---: |"));
        md.append('\n');
        for (String workload : WORKLOADS) {
            for (String db : DATABASES) {
                StringBuilder line = new StringBuilder("| ").append(label(workload)).append(" | ").append(db).append(" |");
                boolean any = false;
                for (String library : libraries) {
                    Score s = find(scores, workload, library, db);
                    if (s == null || Double.isNaN(s.bytesPerOp())) {
                        line.append(" — |");
                        continue;
                    }
                    any = true;
                    double scale = workload.equals("Queries20") ? 1 : num(s.scale());
                    double rows = Math.max(1, Math.round(ROWS_PER_OP.get(workload) * (Double.isNaN(scale) ? 1 : scale)));
                    line.append(' ').append(String.format(Locale.ROOT, "%,.0f", s.bytesPerOp() / rows)).append(" |");
                }
                if (any) {
                    md.append(line).append('\n');
                }
            }
        }
        md.append('\n');
    }

    private static void table(StringBuilder md, List<Score> scores, String workload, String db) {
        Score floor = find(scores, workload, "jdbc", db);
        List<Score> rows = new ArrayList<>();
        for (String library : LIBRARIES) {
            Score s = find(scores, workload, library, db);
            if (s != null) {
                rows.add(s);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## ").append(label(workload)).append(" — ").append(db).append("\n\n");
        md.append("| library | score | error (99.9%) | units | × jdbc |\n| --- | ---: | ---: | --- | ---: |\n");
        for (Score s : rows) {
            md.append("| ").append(s.library()).append(" | ").append(number(s.score())).append(" | ")
                    .append(Double.isNaN(s.error()) ? "—" : "± " + number(s.error())).append(" | ").append(s.unit())
                    .append(" | ").append(floor == null ? "—" : ratio(s, floor)).append(" |\n");
        }
        md.append('\n');
    }

    private static List<String> librariesPresent(List<Score> scores) {
        List<String> present = new ArrayList<>();
        for (String library : LIBRARIES) {
            if (scores.stream().anyMatch(s -> s.library().equals(library))) {
                present.add(library);
            }
        }
        return present;
    }

    private static Score find(List<Score> scores, String workload, String library, String db) {
        for (Score s : scores) {
            if (s.workload().equals(workload) && s.library().equals(library) && s.db().equals(db)) {
                return s;
            }
        }
        return null;
    }

    private static Score score(Map<?, ?> result) {
        String benchmark = str(result.get("benchmark"));
        String[] parts = benchmark.split("\\.");
        String workload = parts[parts.length - 2];
        String library = parts[parts.length - 1];
        Map<?, ?> params = result.get("params") instanceof Map<?, ?> p ? p : Map.of();
        Map<?, ?> metric = (Map<?, ?>) result.get("primaryMetric");
        double bytesPerOp = Double.NaN;
        if (result.get("secondaryMetrics") instanceof Map<?, ?> secondary
                && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc) {
            bytesPerOp = num(alloc.get("score"));
        }
        return new Score(workload, library, str(params.get("db")), str(params.get("scale")), num(metric.get("score")),
                num(metric.get("scoreError")), str(metric.get("scoreUnit")), str(result.get("mode")),
                ((Number) result.get("measurementIterations")).intValue(), bytesPerOp);
    }

    private static String ratio(Score s, Score floor) {
        if (floor.score() == 0 || Double.isNaN(s.score())) {
            return "—";
        }
        String r = String.format(Locale.ROOT, "%.2f", s.score() / floor.score());
        return s.library().equals("jdbc") ? r : "**" + r + "**";
    }

    private static String label(String workload) {
        return Character.toLowerCase(workload.charAt(0)) + workload.substring(1);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The forks per benchmark: one count for all when they agree, else each count with the workloads that ran it
     * (fetchAll, insert, stream and update run three in the full run, see their classes), so that the header does not state
     * one workload's count for all.
     */
    static String forks(List<?> results) {
        Map<String, Set<String>> workloadsByCount = new TreeMap<>();
        for (Object o : results) {
            Map<?, ?> b = (Map<?, ?>) o;
            String[] name = str(b.get("benchmark")).split("\\.");
            String workload = name.length >= 2 ? name[name.length - 2] : str(b.get("benchmark"));
            workloadsByCount.computeIfAbsent(str(b.get("forks")), k -> new TreeSet<>()).add(workload);
        }
        if (workloadsByCount.size() <= 1) {
            String only = workloadsByCount.isEmpty() ? "1" : workloadsByCount.keySet().iterator().next();
            return forkCount(only) + " per benchmark";
        }
        List<String> parts = new ArrayList<>();
        workloadsByCount.forEach((count, names) -> parts.add(forkCount(count) + " for " + String.join(", ", names)));
        return String.join("; ", parts);
    }

    /** Says so when the forks were taken in rounds ({@link Rounds}): a benchmark's forks are then not consecutive. */
    static String inRounds(List<?> results) {
        for (Object o : results) {
            if (o instanceof Map<?, ?> b && num(b.get("rounds")) > 1) {
                return ", taken one per round of the whole run (each library's forks about twenty minutes apart, bench/run)";
            }
        }
        return "";
    }

    private static String forkCount(String count) {
        return count + (count.equals("1") ? " fork" : " forks");
    }

    private static String str(Object o) {
        return o == null ? "?" : String.valueOf(o);
    }

    /** Cores, memory and OS of this machine (the one the report is generated on, which ran the benchmarks). */
    static String machine() {
        String memory = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the memory unknown
        }
        String cpu = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = ", " + line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no CPU model
        }
        return Runtime.getRuntime().availableProcessors() + " cores (nproc)" + cpu + ", " + memory + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }
}
