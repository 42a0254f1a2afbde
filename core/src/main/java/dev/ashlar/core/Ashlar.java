package dev.ashlar.core;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;

/**
 * Entry points under the names SQLAlchemy users look for:
 * {@code Engine engine = createEngine("sqlite:///items.db", EngineOptions.echo());}
 */
public final class Ashlar {
    private Ashlar() {
    }

    /** An engine for {@code url}; see {@link dev.ashlar.core.engine.EngineUrl} for the accepted forms. */
    public static Engine createEngine(String url) {
        return Engine.create(url);
    }

    /** An engine for {@code url} with the given options, such as {@link EngineOptions#echo()}. */
    public static Engine createEngine(String url, EngineOptions options) {
        return Engine.create(url, options);
    }
}
