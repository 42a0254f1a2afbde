package dev.ashlar.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One migrator at a time, across processes: each test starts real JVMs, as application instances would be. */
class MigrationLockTest {
    private static final int PROCESSES = 8;

    @AllDatabases
    void eightProcessesUpgradingAtOnceApplyEachRevisionOnce(TestDatabase db) throws Exception {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            children.add(child("upgrade", db.url()));
        }
        int applied = 0;
        for (Process child : children) {
            String out = read(child);
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(child.exitValue()).as("exit code; output: " + out + stderr(child)).isZero();
            assertThat(out).startsWith("applied=");
            applied += Integer.parseInt(out.substring("applied=".length()).strip());
        }
        // Three revisions, applied by whichever process got the lock first; the others found nothing to do.
        assertThat(applied).isEqualTo(3);
        try (Engine engine = Engine.create(db.url())) {
            assertThat(Migrator.scan(engine, "dev.ashlar.migrate.shop").current()).extracting(AppliedRevision::summary)
                    .containsExactly("v1_items: applied", "v2_price: applied", "v3_details: applied");
        }
    }

    @AllDatabases
    void aKilledLockHolderDoesNotBlockTheNextRun(TestDatabase db) throws Exception {
        Process holder = child("hold", db.url());
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the child took the lock" + stderr(holder)).isEqualTo("locked");
        try (Engine engine = Engine.create(db.url())) {
            Migrator migrator = Migrator.scan(engine, "dev.ashlar.migrate.shop");
            // While the holder lives, a short wait gives up with a message that says who holds the lock.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrator.lockWait(Duration.ofMillis(200)).upgrade())
                    .isInstanceOf(MigrationException.class).hasMessageContaining("has held the migration lock");

            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no unlock
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(migrator.lockWait(Duration.ofSeconds(30)).upgrade().done()).containsExactly("v1_items", "v2_price", "v3_details");
        }
    }

    private static Process child(String mode, String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                MigrateChild.class.getName(), mode, url).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private static String read(Process child) throws IOException {
        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String stderr(Process child) {
        try {
            return child.isAlive() ? "" : "; stderr: " + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "; stderr unreadable: " + e;
        }
    }
}
