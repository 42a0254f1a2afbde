/**
 * OpenTelemetry tracing for an engine (API): {@link dev.ashlar.opentelemetry.OpenTelemetryListener}
 * is an {@link dev.ashlar.core.engine.ExecutionListener} that makes one CLIENT span per statement,
 * following the database semantic conventions, with literals taken out of the SQL text.
 */
package dev.ashlar.opentelemetry;
