/**
 * Micrometer metrics for an engine (API): {@link dev.ashlar.micrometer.MicrometerListener} is an
 * {@link dev.ashlar.core.engine.ExecutionListener} that times every statement, with a bounded set
 * of tags so that the number of time series stays small.
 */
package dev.ashlar.micrometer;
