/**
 * Schema diff (API): {@link dev.ashlar.core.diff.SchemaDiff} compares two
 * {@link dev.ashlar.core.schema.MetaData}s as one dialect writes them and gives the ordered
 * {@link dev.ashlar.core.diff.SchemaChange}s between them, each with its
 * {@link dev.ashlar.core.diff.Safety} and its DDL for any dialect.
 */
package dev.ashlar.core.diff;
