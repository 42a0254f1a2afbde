/**
 * Versioned schema migrations (API). A revision is a class implementing {@link dev.ashlar.migrate.Migration},
 * annotated with {@link dev.ashlar.migrate.Revision}, whose {@code upgrade} and {@code downgrade}
 * describe changes through {@link dev.ashlar.migrate.Operations}. {@link dev.ashlar.migrate.Migrator}
 * applies them under a session-scoped lock and records each in the version table. Implementation
 * details live in {@code dev.ashlar.migrate.internal}, which is not API.
 */
package dev.ashlar.migrate;
