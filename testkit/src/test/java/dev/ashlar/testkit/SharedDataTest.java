package dev.ashlar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {

    @Test
    void findsTheSharedFolderFromTheModuleFolder() {
        assertThat(SharedData.dir().resolve("chinook/Chinook_Sqlite.sqlite")).isRegularFile();
        assertThat(SharedData.resolve("blns/blns.base64.txt")).isRegularFile();
    }

    @Test
    void findsSharedBesideACloneAsInCi(@TempDir Path root) throws Exception {
        Path data = Files.createDirectories(root.resolve("shared/data/chinook"));
        Path module = Files.createDirectories(root.resolve("clone/testkit"));
        assertThat(SharedData.find(null, module)).isEqualTo(data.getParent());
    }

    @Test
    void findsSharedInsideTheRepository(@TempDir Path root) throws Exception {
        Path data = Files.createDirectories(root.resolve("repo/shared/data/chinook"));
        Path module = Files.createDirectories(root.resolve("repo/testkit"));
        assertThat(SharedData.find("", module)).isEqualTo(data.getParent());
    }

    @Test
    void theEnvironmentVariableWins(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("elsewhere/chinook"));
        assertThat(SharedData.find(root.resolve("elsewhere").toString(), Path.of("/")))
                .isEqualTo(root.resolve("elsewhere"));
        assertThatThrownBy(() -> SharedData.find(root.resolve("nothing").toString(), Path.of("")))
                .isInstanceOf(TestSetupException.class)
                .hasMessageContaining(SharedData.ENV).hasMessageContaining("nothing");
    }

    @Test
    void namesThePathsTriedWhenNothingIsFound(@TempDir Path root) throws Exception {
        Path module = Files.createDirectories(root.resolve("a/b"));
        assertThatThrownBy(() -> SharedData.find(null, module))
                .isInstanceOf(TestSetupException.class)
                .hasMessageContaining(module.resolve("shared/data").toString())
                .hasMessageContaining(root.resolve("shared/data").toString());
    }
}
