/**
 * Connections and statement execution (API). An {@link dev.ashlar.core.engine.Engine} is a dialect
 * plus a connection pool, configured by {@link dev.ashlar.core.engine.EngineOptions}; its
 * {@link dev.ashlar.core.engine.Connection}s run statements inside
 * {@link dev.ashlar.core.engine.Transaction}s and read {@link dev.ashlar.core.engine.Result}s of
 * {@link dev.ashlar.core.engine.Row}s. An {@link dev.ashlar.core.engine.ExecutionListener} is told
 * about every statement sent. The package-private classes (the statement runner, batching, the
 * statement cache) are the one execution path behind them and are not API.
 */
package dev.ashlar.core.engine;
