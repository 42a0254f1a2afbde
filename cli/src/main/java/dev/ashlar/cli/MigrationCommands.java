package dev.ashlar.cli;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.migrate.AppliedRevision;
import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.MigrationReport;
import dev.ashlar.migrate.Migrator;
import dev.ashlar.migrate.Revision;
import dev.ashlar.migrate.RevisionGraph;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The migration commands, over {@link Migrator}: {@code upgrade}, {@code downgrade}, {@code current},
 * {@code history}, {@code heads}, {@code stamp}, {@code repair} and {@code check}. Each finds the
 * revision classes ({@link Migration} with {@link Revision}) in {@code --migrations PACKAGE} (else
 * {@code migrations} in {@code ashlar.properties}) on {@code --classpath} (else the project file's,
 * else the command line's own), prints what it did and what an upgrade would still apply, and streams
 * the migrator's steps to standard error.
 */
final class MigrationCommands {
    private MigrationCommands() {
    }

    /** What every migration command shares: the database, the package of revisions and where its classes are. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--migrations", paramLabel = "PACKAGE",
                description = "The package of the revision classes (@Revision ... implements Migration). Default: migrations in ashlar.properties.")
        String migrations;

        @Option(names = "--classpath", paramLabel = "CP", split = "[:,]",
                description = "Folders and jars holding the revisions (separated by ':' or ','). Default: classpath in ashlar.properties.")
        List<String> classpath;

        CliContext context() {
            return CliContext.of(spec);
        }

        /** The revision classes, read before any connection so that a usage error changes nothing. */
        List<Class<? extends Migration>> scripts() {
            return scripts(false);
        }

        /** The migrations package: {@code --migrations}, else the project file's. */
        String migrationsPackage() {
            return migrations != null ? migrations : context().project().migrations().orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "no migrations package: give --migrations PACKAGE, or put migrations = ... in " + ProjectFile.NAME));
        }

        /** The classpath: {@code --classpath}, else the project file's. */
        List<Path> classpath() {
            CliContext context = context();
            List<Path> cp = new ArrayList<>();
            if (classpath != null) {
                classpath.forEach(p -> cp.add(context.resolve(p)));
            } else {
                cp.addAll(context.project().classpath());
            }
            return cp;
        }

        /**
         * The models of {@code --models PACKAGE} (else the project file's {@code models}) with their
         * declared renames; empty when neither names a package.
         */
        java.util.Optional<ModelPackage.Loaded> models(String option) {
            String pkg = option != null ? option : context().project().models().orElse(null);
            return pkg == null ? java.util.Optional.empty() : java.util.Optional.of(ModelPackage.read(pkg, classpath()));
        }

        /** The revision classes; with {@code mayBeEmpty}, a package without any (before the first revision) is no error. */
        List<Class<? extends Migration>> scripts(boolean mayBeEmpty) {
            CliContext context = context();
            String pkg = migrationsPackage();
            List<Path> cp = classpath();
            List<Class<? extends Migration>> scripts = new ArrayList<>();
            for (Class<?> type : ModelPackage.classes(pkg, cp)) {
                if (Migration.class.isAssignableFrom(type) && type.isAnnotationPresent(Revision.class)) {
                    scripts.add(type.asSubclass(Migration.class));
                }
            }
            if (scripts.isEmpty() && !mayBeEmpty) {
                throw new ConfigurationException("package " + pkg + " holds no revision (a class with @Revision that implements Migration) "
                        + "on the classpath " + (cp.isEmpty() ? "of the command line" : cp.toString())
                        + "; check --migrations and give --classpath the compiled classes (for example target/classes)");
            }
            return scripts;
        }

        /**
         * Runs {@code work} on a migrator whose step lines go to standard error as progress lines.
         *
         * @param mayCreate whether a missing SQLite file may be created (a command that writes the schema)
         */
        <T> T withMigrator(boolean mayCreate, Function<Migrator, T> work) {
            return withMigrator(mayCreate, scripts(), work);
        }

        /** As {@link #withMigrator(boolean, Function)}, over the given revision classes. */
        <T> T withMigrator(boolean mayCreate, List<Class<? extends Migration>> scripts, Function<Migrator, T> work) {
            CliContext context = context();
            EngineOptions options = EngineOptions.defaults().pooled(false);
            try (Engine engine = mayCreate ? database.openEngine(database.resolve(null), options, true) : database.openEngine();
                 Progress progress = context.progress(spec.name(), 0)) {
                Migrator migrator = Migrator.of(engine, scripts)
                        // step lines come through the listener, as a bar on a terminal; the rest as lines of their own
                        .output(line -> {
                            if (!line.startsWith("  ")) {
                                progress.line(line);
                            }
                        })
                        .progress((revision, index, total, step) -> progress.at(index, total, revision + ": " + step.description()
                                + (step.effect() == null ? "" : " [" + step.effect().verdict() + "]")));
                return work.apply(migrator);
            }
        }

        /** Prints a report: what was done, then what an upgrade to the heads would still apply. */
        int report(MigrationReport report, String verb, boolean json) {
            PrintStream out = context().out();
            Style style = context().style();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put(verb, report.done());
                doc.put("pending", report.pending());
                doc.put("warnings", report.warnings());
                Json.write(out, doc);
                return ExitCodes.OK;
            }
            out.println(report.done().isEmpty() ? verb + ": nothing" : style.green(verb + ":") + " " + String.join(", ", report.done()));
            printPending(out, style, report.pending());
            for (String warning : report.warnings()) {
                out.println(style.yellow("warning:") + " " + warning);
            }
            out.flush();
            return ExitCodes.OK;
        }

        static void printPending(PrintStream out, Style style, List<String> pending) {
            if (pending.isEmpty()) {
                out.println("next: nothing to apply, the database is at its heads");
            } else {
                out.println(style.yellow("next:") + " ashlar upgrade would apply " + String.join(", ", pending));
            }
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = {"Apply the revisions up to TARGET (default: every head) that the database lacks.",
                "With --sql, print the SQL instead, without connecting: the same text on every run."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:applied (or nothing to apply)", "1:error: a failed step, a preflight refusal, an edited applied revision, "
                + "a revision that drops a table or column without --allow-data-loss",
                "2:usage error"})
    static final class Upgrade extends Base {
        @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = Migrator.HEADS,
                description = "A revision id, or heads (the default).")
        String target;

        @Option(names = "--sql", description = "Print the SQL the upgrade would run on an empty database, without connecting.")
        boolean sql;

        @Option(names = "--dialect", paramLabel = "D",
                description = "With --sql: the database to write SQL for (sqlite, postgresql, mariadb). Default: the URL's.")
        String dialect;

        @Option(names = "--json", description = "Print the report as one JSON document.")
        boolean json;

        @Option(names = "--allow-data-loss", description = "Apply revisions that drop tables or columns (refused without it).")
        boolean allowDataLoss;

        @Override
        public Integer call() {
            if (sql) {
                RevisionGraph graph = Migrator.graph(scripts());
                context().out().print(Migrator.upgradeSql(graph, offlineDialect(), target));
                context().out().flush();
                return ExitCodes.OK;
            }
            if (dialect != null) {
                throw new ParameterException(spec.commandLine(), "--dialect goes with --sql only; a connected upgrade uses the URL's database");
            }
            return report(withMigrator(true, m -> m.allowDataLoss(allowDataLoss).upgrade(target)), "applied", json);
        }

        private Dialect offlineDialect() {
            String scheme = dialect != null ? dialect.toLowerCase(Locale.ROOT) : EngineUrl.parse(database.url()).scheme();
            try {
                return Dialects.forScheme(scheme);
            } catch (ConfigurationException e) {
                throw new ParameterException(spec.commandLine(), "--dialect: " + e.getMessage());
            }
        }
    }

    @Command(name = "downgrade", mixinStandardHelpOptions = true,
            description = "Revert the applied revisions that TARGET does not descend from, newest first (base: all of them).",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:reverted (or nothing to revert)", "1:error", "2:usage error"})
    static final class Downgrade extends Base {
        @Parameters(index = "0", paramLabel = "TARGET", description = "A revision id to keep, or base to revert every revision.")
        String target;

        @Option(names = "--json", description = "Print the report as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            return report(withMigrator(false, m -> m.downgrade(target)), "reverted", json);
        }
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true,
            description = "Record TARGET and its ancestors as applied without running them (baseline an existing database).",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:stamped", "1:error", "2:usage error"})
    static final class Stamp extends Base {
        @Parameters(index = "0", paramLabel = "TARGET", description = "A revision id, or heads.")
        String target;

        @Option(names = "--json", description = "Print the report as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            return report(withMigrator(true, m -> m.stamp(target)), "stamped", json);
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Accept deliberate edits of applied revisions: record their current checksums.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:repaired (or nothing to repair)", "1:error", "2:usage error"})
    static final class Repair extends Base {
        @Option(names = "--json", description = "Print the repaired revisions as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            List<String> repaired = withMigrator(false, Migrator::repair);
            PrintStream out = context().out();
            if (json) {
                Json.write(out, doc("repaired", repaired));
            } else {
                out.println(repaired.isEmpty() ? "repaired: nothing, every applied revision matches its script"
                        : context().style().green("repaired:") + " " + String.join(", ", repaired));
                out.println("next: ashlar check");
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "current", mixinStandardHelpOptions = true,
            description = "Show the revisions the database has, and how far a failed one got.",
            exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:shown", "1:error", "2:usage error"})
    static final class Current extends Base {
        @Option(names = "--json", description = "Print the rows as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            record State(List<AppliedRevision> rows, List<String> heads) {
            }
            State state = withMigrator(false, m -> new State(m.current(), m.heads()));
            PrintStream out = context().out();
            if (json) {
                Json.write(out, doc("revisions", state.rows().stream().map(MigrationCommands::row).toList(), "heads", state.heads()));
                return ExitCodes.OK;
            }
            if (state.rows().isEmpty()) {
                out.println("no revision applied (the database has no version table yet)");
            }
            state.rows().forEach(r -> out.println(r.summary()));
            List<String> applied = state.rows().stream().filter(r -> r.state() == AppliedRevision.State.APPLIED)
                    .map(AppliedRevision::revision).toList();
            out.println(applied.containsAll(state.heads()) ? "next: nothing to apply, the database is at its heads"
                    : "next: ashlar upgrade (heads " + String.join(", ", state.heads()) + ")");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List every revision, parents first, with whether the database has it.",
            exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:listed", "1:error", "2:usage error"})
    static final class History extends Base {
        @Option(names = "--json", description = "Print the revisions as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            List<Migrator.HistoryEntry> entries = withMigrator(false, Migrator::history);
            PrintStream out = context().out();
            if (json) {
                Json.write(out, doc("revisions", entries.stream().map(e -> {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("revision", e.script().id());
                    doc.put("parents", e.script().parents());
                    doc.put("message", e.script().message());
                    doc.put("file", e.script().file());
                    doc.put("applied", e.applied() == null ? null : row(e.applied()));
                    return doc;
                }).toList()));
                return ExitCodes.OK;
            }
            for (Migrator.HistoryEntry e : entries) {
                String parents = e.script().parents().isEmpty() ? "<base>" : String.join(", ", e.script().parents());
                out.println(parents + " -> " + e.script().id() + (e.script().message().isEmpty() ? "" : ": " + e.script().message())
                        + "  [" + (e.applied() == null ? "not applied" : e.applied().summary().substring(e.script().id().length() + 2)) + "]");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "heads", mixinStandardHelpOptions = true,
            description = "List the revisions no other revision follows; more than one means branches to merge.",
            exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:listed", "1:error", "2:usage error"})
    static final class Heads extends Base {
        @Option(names = "--json", description = "Print the heads as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            // The heads come from the scripts alone: no connection is needed.
            List<String> heads = Migrator.graph(scripts()).heads();
            PrintStream out = context().out();
            if (json) {
                Json.write(out, doc("heads", heads));
                return ExitCodes.OK;
            }
            heads.forEach(out::println);
            if (heads.size() > 1) {
                out.println(context().style().yellow("next:") + " write a merge revision whose parents are " + String.join(", ", heads));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Report what is wrong or pending without changing anything: several heads, edited applied revisions,",
                "revisions the scripts no longer declare, failed revisions, revisions not yet applied, and, when the models are",
                "known (--models or models in ashlar.properties), every difference between the models and the database."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:the database is at the single head (and matches the models)", "1:error", "2:usage error",
                "3:problems were found, or the database differs from the models (listed)"})
    static final class Check extends Base {
        @Option(names = "--models", paramLabel = "PACKAGE",
                description = "Also compare the database with the @Model classes of PACKAGE. Default: models in ashlar.properties.")
        String models;

        @Option(names = "--json", description = "Print the problems as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            record Found(List<String> problems, List<String> differences) {
            }
            java.util.Optional<ModelPackage.Loaded> loaded = models(models);
            Found found = withMigrator(false, m -> {
                List<String> differences = new ArrayList<>();
                loaded.ifPresent(l -> differences.addAll(m.compareModels(l.metadata(), l.renames()).changes().stream()
                        .map(c -> c.safety().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + c.describe()).toList()));
                return new Found(m.check(), differences);
            });
            PrintStream out = context().out();
            Style style = context().style();
            boolean ok = found.problems().isEmpty() && found.differences().isEmpty();
            if (json) {
                Json.write(out, doc("ok", ok, "problems", found.problems(), "modelsCompared", loaded.isPresent(),
                        "modelDifferences", found.differences()));
                return ok ? ExitCodes.OK : ExitCodes.DIFFERENCE;
            }
            found.problems().forEach(p -> out.println(style.red("problem:") + " " + p));
            found.differences().forEach(d -> out.println(style.red("differs:") + " " + d));
            if (ok) {
                out.println(style.green("ok:") + " the database is at the single head" + (loaded.isPresent() ? " and matches the models" : ""));
                if (loaded.isEmpty()) {
                    out.println("next: give --models PACKAGE (or models in " + ProjectFile.NAME + ") to compare with the models as well");
                }
            } else if (!found.differences().isEmpty()) {
                out.println("next: ashlar revision --autogenerate -m \"...\" writes a revision for the differences, ashlar upgrade applies it");
            } else {
                out.println("next: fix the problems listed, then ashlar check again");
            }
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.DIFFERENCE;
        }
    }

    @Command(name = "revision", mixinStandardHelpOptions = true,
            description = {"Write a new revision script (a Java class in the migrations package under --source) after the single head.",
                "With --autogenerate, its upgrade and downgrade come from the difference between the models and the database;",
                "renames come from @RenamedFrom only, and a change that loses data is refused unless --allow-data-loss is given.",
                "With --merge, its parents are all the heads. Several heads are refused otherwise."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:written (or, with --autogenerate, nothing to write: the database matches the models)",
                "1:error: several heads, a database behind its head, an uncompiled revision, a change that loses data",
                "2:usage error"})
    static final class RevisionCommand extends Base {
        @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the revision does; also gives its id.")
        String message;

        @Option(names = "--autogenerate", description = "Fill the revision from the difference between the models and the database.")
        boolean autogenerate;

        @Option(names = "--merge", description = "Write a merge revision whose parents are all the heads.")
        boolean merge;

        @Option(names = "--models", paramLabel = "PACKAGE", description = "With --autogenerate: the @Model classes. Default: models in ashlar.properties.")
        String models;

        @Option(names = "--source", paramLabel = "DIR",
                description = "The source folder the migrations package lives in. Default: src/main/java beside ashlar.properties "
                        + "(or in the working folder).")
        String source;

        @Option(names = "--rev-id", paramLabel = "ID", description = "The revision's id. Default: NNNN_words_of_the_message.")
        String revisionId;

        @Option(names = "--allow-data-loss", description = "With --autogenerate: write changes that drop tables or columns or narrow types.")
        boolean allowDataLoss;

        @Option(names = "--json", description = "Print what was written as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            if (autogenerate && merge) {
                throw new ParameterException(spec.commandLine(), "--autogenerate and --merge exclude each other: merge first, then generate");
            }
            if (!autogenerate && (models != null || allowDataLoss)) {
                throw new ParameterException(spec.commandLine(), (models != null ? "--models" : "--allow-data-loss") + " goes with --autogenerate");
            }
            CliContext context = context();
            List<Class<? extends Migration>> scripts = scripts(true);
            Path folder = source != null ? context.resolve(source)
                    : context.project().file().map(f -> f.toAbsolutePath().getParent()).orElse(context.workingDirectory()).resolve("src/main/java");
            dev.ashlar.migrate.RevisionWriter writer = dev.ashlar.migrate.RevisionWriter.into(folder, migrationsPackage())
                    .allowDataLoss(allowDataLoss);
            if (revisionId != null) {
                writer = writer.id(revisionId);
            }
            dev.ashlar.migrate.RevisionWriter.Written written;
            if (autogenerate) {
                ModelPackage.Loaded loaded = models(models).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "no model package: give --models PACKAGE, or put models = ... in " + ProjectFile.NAME));
                dev.ashlar.migrate.RevisionWriter w = writer;
                // a new SQLite file is fine here: the first revision is written against an empty database
                written = withMigrator(true, scripts, m -> w.autogenerate(m, loaded.metadata(), loaded.renames(), message));
            } else {
                RevisionGraph graph = Migrator.graph(scripts);
                written = merge ? writer.merge(graph, message) : writer.create(graph, message);
            }
            return print(context, written);
        }

        private int print(CliContext context, dev.ashlar.migrate.RevisionWriter.Written written) {
            PrintStream out = context.out();
            Style style = context.style();
            String file = written.file() == null ? null : relative(context, written.file());
            if (json) {
                Json.write(out, doc("revision", written.id(), "parents", written.parents(), "file", file,
                        "changes", written.changes().stream().map(c -> doc("safety", c.safety().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                "description", c.describe())).toList(), "warnings", written.warnings()));
                return ExitCodes.OK;
            }
            if (written.file() == null) {
                out.println("nothing to write: the database matches the models");
                out.println("next: nothing to do");
                out.flush();
                return ExitCodes.OK;
            }
            out.println(style.green("wrote") + " " + file + " (revision " + written.id() + ", "
                    + (written.parents().isEmpty() ? "a base revision" : "after " + String.join(", ", written.parents())) + ")");
            for (var change : written.changes()) {
                out.println("  " + change.describe());
            }
            for (String warning : written.warnings()) {
                out.println(style.yellow("warning:") + " " + warning);
            }
            out.println("next: review " + file + ", compile it with the project, then ashlar upgrade");
            out.flush();
            return ExitCodes.OK;
        }

        private static String relative(CliContext context, Path file) {
            Path abs = file.toAbsolutePath().normalize();
            Path base = context.workingDirectory().toAbsolutePath().normalize();
            return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        }
    }

    /** A JSON object whose keys keep the given order, so the same state prints the same document. */
    private static Map<String, Object> doc(Object... keysAndValues) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            doc.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return doc;
    }

    private static Map<String, Object> row(AppliedRevision r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("revision", r.revision());
        doc.put("state", r.state().name().toLowerCase(Locale.ROOT));
        doc.put("stepsDone", r.stepsDone());
        doc.put("stepsTotal", r.stepsTotal());
        doc.put("appliedAt", r.appliedAt() == null ? null : r.appliedAt().toString());
        doc.put("error", r.error());
        doc.put("summary", r.summary());
        return doc;
    }
}
