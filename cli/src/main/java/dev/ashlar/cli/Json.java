package dev.ashlar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The {@code --json} output of every command: one JSON document on standard output, indented, with
 * keys in the order the command put them (use {@code LinkedHashMap}s or records), then a newline.
 */
public final class Json {
    private Json() {
    }

    /** Writes {@code value} (maps, lists, records, strings, numbers, booleans, nulls) as one document. */
    public static void write(PrintStream out, Object value) {
        try {
            out.println(Holder.MAPPER.writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON output", e);
        }
    }

    /** The mapper is built on first use only: commands without {@code --json} never load Jackson. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
