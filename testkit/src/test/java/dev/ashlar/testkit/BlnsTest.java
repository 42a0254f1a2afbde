package dev.ashlar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlnsTest {

    @Test
    void decodesEveryStringOfTheList() {
        // blns.base64.txt holds 479 strings (630 lines less 91 comment and 60 blank lines)
        assertThat(Blns.strings()).hasSize(479);
    }

    @Test
    void includesInjectionQuotesAndEmoji() {
        assertThat(Blns.strings()).contains("1;DROP TABLE users", "1'; DROP TABLE users-- 1", "' OR '1'='1", "😍", "undefined");
        assertThat(Blns.strings()).anyMatch(s -> s.codePoints().anyMatch(cp -> cp >= 0x1F300));
    }

    @Test
    void stripsTheNewlineTheEncoderAdded() {
        assertThat(Blns.strings()).noneMatch(s -> s.endsWith("\n"));
    }

    @Test
    void storableKeepsEveryStringOfTheSharedFile() {
        // the file as shipped has no NUL and no invalid UTF-8; storable() guards against a future copy that does
        assertThat(Blns.storable()).isEqualTo(Blns.strings());
    }

    @Test
    void storableExcludesNulAndInvalidUtf8() {
        assertThat(Blns.storable("a\u0000b".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Blns.storable(new byte[] {'a', (byte) 0xC3})).isEmpty(); // truncated two-byte sequence
        assertThat(Blns.storable(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty(); // encoded surrogate
        assertThat(Blns.storable("Ω 😍 \u200B".getBytes(StandardCharsets.UTF_8))).contains("Ω 😍 \u200B");
    }
}
