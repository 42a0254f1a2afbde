/**
 * Schema definitions (API): a {@link dev.ashlar.core.schema.MetaData} holds
 * {@link dev.ashlar.core.schema.Table}s made of {@link dev.ashlar.core.schema.Column}s, keys
 * ({@link dev.ashlar.core.schema.ForeignKey}, {@link dev.ashlar.core.schema.UniqueConstraint}),
 * {@link dev.ashlar.core.schema.CheckConstraint}s and {@link dev.ashlar.core.schema.Index}es, named
 * by its {@link dev.ashlar.core.schema.NamingConvention} when declared without a name. A column is
 * also an expression of the query language, and reflection reads a live database into the same
 * types.
 */
package dev.ashlar.core.schema;
