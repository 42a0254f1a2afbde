package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.cli.migrations.base.V1CreateGadgets;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ashlar revision}, {@code check --models} and {@code upgrade --allow-data-loss} on the gadget
 * revisions of {@code dev.ashlar.cli.migrations.base}: the models in {@code dev.ashlar.cli.gadgets.renamed}
 * rename weight to grams with {@code @RenamedFrom} and add a unique sku; those in
 * {@code dev.ashlar.cli.gadgets.plain} (compiled in the test, since two models of one compilation
 * cannot map one table) leave the rename undeclared. The written script is compiled with javac, as a
 * project build would, and applied from its classes.
 */
class RevisionCommandTest {
    private static final String BASE = "dev.ashlar.cli.migrations.base";
    private static final String RENAMED = "dev.ashlar.cli.gadgets.renamed";
    private static final String PLAIN = "dev.ashlar.cli.gadgets.plain";

    @AllDatabases
    void autogenerateWritesARenameThatKeepsTheDataAndCheckSeesTheModels(TestDatabase db, @TempDir Path dir) throws Exception {
        String testClasses = Path.of(V1CreateGadgets.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        CliRun.Result up = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE);
        assertThat(up.status()).as(up.err()).isZero();
        exec(db, "INSERT INTO cli_gadgets (id, name, weight) VALUES (1, 'anvil', 5000), (2, 'feather', 1)");

        CliRun.Result differs = CliRun.cli().run("check", "--url", db.url(), "--migrations", BASE, "--models", RENAMED);
        assertThat(differs.status()).as(differs.out() + differs.err()).isEqualTo(ExitCodes.DIFFERENCE);
        assertThat(differs.out()).contains("differs: safe: rename column cli_gadgets.weight to grams", "next: ashlar revision --autogenerate");

        CliRun.Result written = CliRun.cli().in(dir).run("revision", "--autogenerate", "-m", "grams and sku", "--url", db.url(),
                "--migrations", BASE, "--models", RENAMED, "--source", "src");
        assertThat(written.status()).as(written.out() + written.err()).isZero();
        Path script = dir.resolve("src/dev/ashlar/cli/migrations/base/V0003GramsAndSku.java");
        assertThat(written.out()).contains("wrote src/dev/ashlar/cli/migrations/base/V0003GramsAndSku.java (revision 0003_grams_and_sku, after c2_weight)",
                "  rename column cli_gadgets.weight to grams", "next: review");
        assertThat(Files.readString(script)).contains("op.renameColumn(\"cli_gadgets\", \"weight\", \"grams\");");

        // A second revision before the first is compiled would follow the wrong parent.
        CliRun.Result early = CliRun.cli().in(dir).run("revision", "-m", "more", "--migrations", BASE, "--source", "src");
        assertThat(early.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(early.err()).contains("V0003GramsAndSku.java holds a revision that is not compiled");

        Path classes = compile(dir, script);
        String cp = testClasses + ":" + classes;
        CliRun.Result apply = CliRun.cli().terminal(true).env("NO_COLOR", "1").run("upgrade", "--url", db.url(), "--migrations", BASE,
                "--classpath", cp);
        assertThat(apply.status()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("applied: 0003_grams_and_sku", "next: nothing to apply");
        // On a terminal each step redraws a bar in place.
        assertThat(apply.err()).contains("upgrade [", "] 1/", "0003_grams_and_sku: rename column cli_gadgets.weight to grams", "\r\u001b[K");
        assertThat(string(db, "SELECT grams FROM cli_gadgets WHERE id = 1")).isEqualTo("5000");

        CliRun.Result same = CliRun.cli().run("check", "--url", db.url(), "--migrations", BASE, "--classpath", cp, "--models", RENAMED);
        assertThat(same.status()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).contains("ok: the database is at the single head and matches the models");

        CliRun.Result nothing = CliRun.cli().in(dir).run("revision", "--autogenerate", "-m", "again", "--url", db.url(), "--migrations", BASE,
                "--classpath", cp, "--models", RENAMED, "--source", "src");
        assertThat(nothing.status()).as(nothing.out() + nothing.err()).isZero();
        assertThat(nothing.out()).contains("nothing to write: the database matches the models");
    }

    @AllDatabases
    void anUndeclaredRenameIsRefusedByRevisionAndUpgradeUnlessDataLossIsAllowed(TestDatabase db, @TempDir Path dir) throws Exception {
        String testClasses = Path.of(V1CreateGadgets.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        assertThat(CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE).status()).isZero();
        exec(db, "INSERT INTO cli_gadgets (id, name, weight) VALUES (1, 'anvil', 5000)");
        Path plain = Files.createDirectories(dir.resolve("models/dev/ashlar/cli/gadgets/plain")).resolve("Gadget.java");
        Files.writeString(plain, """
                package dev.ashlar.cli.gadgets.plain;

                import dev.ashlar.declarative.*;

                @Model(table = "cli_gadgets")
                public class Gadget {
                    @Id public Long id;
                    @Required @Length(40) public String name;
                    public Integer grams;
                }
                """);
        String models = testClasses + ":" + compile(dir.resolve("models"), plain);

        CliRun.Result refused = CliRun.cli().in(dir).run("revision", "--autogenerate", "-m", "grams", "--url", db.url(), "--migrations", BASE,
                "--models", PLAIN, "--source", "src", "--classpath", models);
        assertThat(refused.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("drop column cli_gadgets.weight and its values", "@RenamedFrom", "--allow-data-loss");
        assertThat(dir.resolve("src")).doesNotExist();

        CliRun.Result allowed = CliRun.cli().in(dir).run("revision", "--autogenerate", "-m", "grams", "--url", db.url(), "--migrations", BASE,
                "--models", PLAIN, "--source", "src", "--allow-data-loss", "--classpath", models);
        assertThat(allowed.status()).as(allowed.out() + allowed.err()).isZero();
        Path script = dir.resolve("src/dev/ashlar/cli/migrations/base/V0003Grams.java");
        String cp = testClasses + ":" + compile(dir, script);

        CliRun.Result upgradeRefused = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE, "--classpath", cp);
        assertThat(upgradeRefused.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(upgradeRefused.err()).contains("revision 0003_grams (dev/ashlar/cli/migrations/base/V0003Grams.java) drops column "
                + "cli_gadgets.weight and its values", "Nothing was changed");
        assertThat(string(db, "SELECT weight FROM cli_gadgets WHERE id = 1")).isEqualTo("5000");

        CliRun.Result upgraded = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE, "--classpath", cp, "--allow-data-loss");
        assertThat(upgraded.status()).as(upgraded.out() + upgraded.err()).isZero();
        assertThat(string(db, "SELECT COUNT(*) FROM cli_gadgets WHERE grams IS NULL")).isEqualTo("1");
    }

    @AllDatabases
    void theFirstRevisionOfAnEmptyPackageCreatesTheModelsTables(TestDatabase db, @TempDir Path dir) throws Exception {
        String testClasses = Path.of(V1CreateGadgets.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        CliRun.Result written = CliRun.cli().in(dir).run("revision", "--autogenerate", "-m", "create gadgets", "--url", db.url(),
                "--migrations", "com.example.fresh", "--models", RENAMED, "--source", "src", "--classpath", testClasses);
        assertThat(written.status()).as(written.out() + written.err()).isZero();
        assertThat(written.out()).contains("(revision 0001_create_gadgets, a base revision)", "  create table cli_gadgets");
        Path script = dir.resolve("src/com/example/fresh/V0001CreateGadgets.java");
        assertThat(Files.readString(script)).contains("op.createTable(\"cli_gadgets\",", "op.dropTable(\"cli_gadgets\");");
        String cp = testClasses + ":" + compile(dir, script);
        CliRun.Result up = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", "com.example.fresh", "--classpath", cp);
        assertThat(up.status()).as(up.out() + up.err()).isZero();
        CliRun.Result check = CliRun.cli().run("check", "--url", db.url(), "--migrations", "com.example.fresh", "--classpath", cp,
                "--models", RENAMED);
        assertThat(check.status()).as(check.out() + check.err()).isZero();
    }

    @Test
    void severalHeadsAreRefusedWithAMergeSuggestedAndMergeWritesIt(@TempDir Path dir) throws Exception {
        CliRun.Result refused = CliRun.cli().in(dir).run("revision", "-m", "next", "--migrations", "dev.ashlar.cli.migrations", "--source", "src");
        assertThat(refused.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("several heads [c2_weight, c3_name_index]", "ashlar revision --merge");

        CliRun.Result merge = CliRun.cli().in(dir).run("revision", "--merge", "-m", "join", "--migrations", "dev.ashlar.cli.migrations",
                "--source", "src", "--rev-id", "c4_join");
        assertThat(merge.err()).isEmpty();
        assertThat(merge.status()).as(merge.out() + merge.err()).isZero();
        assertThat(merge.out()).contains("(revision c4_join, after c2_weight, c3_name_index)");
        assertThat(Files.readString(dir.resolve("src/dev/ashlar/cli/migrations/VC4Join.java")))
                .contains("@Revision(id = \"c4_join\", parents = {\"c2_weight\", \"c3_name_index\"}, message = \"join\")");
        compile(dir, dir.resolve("src/dev/ashlar/cli/migrations/VC4Join.java"));
    }

    /** Compiles a written script with javac, as the project's build would. */
    private static Path compile(Path dir, Path script) throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "--release", "17", "-proc:none", "-classpath",
                System.getProperty("java.class.path"), "-d", out.toString(), script.toString());
        assertThat(status).as("javac: " + errors + "\n" + Files.readString(script)).isZero();
        return out;
    }

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String string(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
