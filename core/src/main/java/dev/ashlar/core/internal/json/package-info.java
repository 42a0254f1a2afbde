/**
 * JSON text to plain Java values and back over jackson-core's streaming API
 * ({@link dev.ashlar.core.internal.json.Json}), for the JSON that Ashlar itself reads and writes,
 * such as EXPLAIN output. Not API: internal to core, and other modules may not use it.
 */
package dev.ashlar.core.internal.json;
