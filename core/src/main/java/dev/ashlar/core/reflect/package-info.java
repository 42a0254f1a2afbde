/**
 * Reflection (API): {@link dev.ashlar.core.reflect.Inspector} reads a live database's schema, as
 * single facts or whole into {@link dev.ashlar.core.schema.MetaData}; each dialect supplies the
 * {@link dev.ashlar.core.reflect.CatalogReader} that knows its catalog.
 */
package dev.ashlar.core.reflect;
