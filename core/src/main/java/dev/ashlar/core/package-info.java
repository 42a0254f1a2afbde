/**
 * Ashlar Core's entry points (API): {@link dev.ashlar.core.Ashlar} gives the names SQLAlchemy users
 * look for, such as {@code createEngine}, over the engine, schema and query packages below.
 */
package dev.ashlar.core;
