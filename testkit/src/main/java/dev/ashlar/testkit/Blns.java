package dev.ashlar.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Big List of Naughty Strings: SQL injection attempts, quotes, backslashes, Unicode edge
 * cases, right-to-left text, emoji, zero-width characters. Read from {@code blns/blns.base64.txt}
 * in the {@linkplain SharedData shared data folder}, because the base64 form can carry strings that
 * a text line cannot.
 *
 * <p>Two facts about that file as upstream ships it: every encoded string ends with the newline of
 * the line it was encoded from, which {@link #strings()} removes (no string of the list itself can
 * end with a newline, since the list is one string a line); and some strings lost their backslashes
 * when upstream generated it, so they differ from the same lines of {@code blns.txt}. They are still
 * naughty strings, and are used as they are.
 */
public final class Blns {
    private static final String FILE = "blns/blns.base64.txt";
    private static List<String> strings;

    private Blns() {
    }

    /**
     * Every string of the list, in file order. Bytes that are not valid UTF-8 are decoded to
     * U+FFFD, so such a string is not the original byte sequence: see {@link #storable()}.
     */
    public static synchronized List<String> strings() {
        if (strings == null) {
            List<String> all = new ArrayList<>();
            for (byte[] bytes : decodedLines()) {
                all.add(new String(bytes, StandardCharsets.UTF_8));
            }
            strings = List.copyOf(all);
        }
        return strings;
    }

    /**
     * The strings that every database can store and give back unchanged, for round-trip tests of
     * text columns. Two kinds are left out:
     * <ul>
     *   <li>strings containing U+0000 (NUL): PostgreSQL's {@code text} and {@code varchar} cannot
     *       hold it at all (the server rejects the value), so no round trip can pass;
     *   <li>strings whose bytes are not valid UTF-8: decoding them replaces bytes with U+FFFD, so
     *       the Java string is not what the file holds, and a round-trip test would test the
     *       decoder's substitute rather than the naughty bytes. Such bytes belong in binary tests.
     * </ul>
     */
    public static List<String> storable() {
        List<String> out = new ArrayList<>();
        for (byte[] bytes : decodedLines()) {
            storable(bytes).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The string of these bytes when it belongs in {@link #storable()}, empty when it does not. */
    static Optional<String> storable(byte[] bytes) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        return s.indexOf('\u0000') >= 0 ? Optional.empty() : Optional.of(s);
    }

    private static List<byte[]> decodedLines() {
        Path file = SharedData.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TestSetupException("cannot read " + file, e);
        }
        List<byte[]> out = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            // '#' is not in the base64 alphabet, so such lines are the file's comments
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            out.add(stripNewline(Base64.getDecoder().decode(trimmed)));
        }
        return out;
    }

    private static byte[] stripNewline(byte[] bytes) {
        int n = bytes.length;
        return n > 0 && bytes[n - 1] == '\n' ? Arrays.copyOf(bytes, n - 1) : bytes;
    }
}
