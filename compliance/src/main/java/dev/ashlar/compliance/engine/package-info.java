/** Compliance tests of the engine against the database: bulk inserts, listeners, pooling, connection loss, templates. Not API. */
package dev.ashlar.compliance.engine;
