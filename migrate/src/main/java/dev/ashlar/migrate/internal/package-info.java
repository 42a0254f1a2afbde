/**
 * How migrations run: finding revision classes on a class loader
 * ({@link dev.ashlar.migrate.internal.ScriptScanner}), the version table
 * ({@link dev.ashlar.migrate.internal.VersionTable}), checks of existing rows before a change
 * ({@link dev.ashlar.migrate.internal.Preflights}) and table rebuilds
 * ({@link dev.ashlar.migrate.internal.TableCopy}). Not API: internal to migrate, and other modules
 * may not use it.
 */
package dev.ashlar.migrate.internal;
