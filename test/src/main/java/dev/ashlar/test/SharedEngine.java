package dev.ashlar.test;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;

/** An engine kept in JUnit's root store for the whole run; JUnit closes it when the run ends. */
final class SharedEngine implements AutoCloseable {
    private final Engine engine;

    SharedEngine(String url, boolean echo) {
        this.engine = Engine.create(url, EngineOptions.defaults().echo(echo));
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
