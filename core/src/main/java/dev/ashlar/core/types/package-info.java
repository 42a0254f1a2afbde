/**
 * Column types (API): each {@link dev.ashlar.core.types.SqlType} says which Java type a column
 * holds and what it means in SQL; {@link dev.ashlar.core.types.Types} makes every built-in one.
 * {@link dev.ashlar.core.types.MappedType} adds a type stored as another, and
 * {@link dev.ashlar.core.types.DatabaseType} keeps a type Ashlar has none of its own for. How a
 * type is spelled and how its values cross JDBC is each dialect's business, not the type's.
 */
package dev.ashlar.core.types;
