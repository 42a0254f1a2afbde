/**
 * Ashlar's own test support, for its modules' tests: {@link dev.ashlar.testkit.AllDatabases} and
 * {@link dev.ashlar.testkit.ServerDatabases} run a test once per database, each a
 * {@link dev.ashlar.testkit.TestDatabase} found by {@link dev.ashlar.testkit.TestDatabases}, and
 * shared data sets such as {@link dev.ashlar.testkit.Chinook} and {@link dev.ashlar.testkit.Blns}
 * give tests real and hostile data. {@link dev.ashlar.testkit.VendorSql} holds the set-up SQL each
 * vendor spells its own way, one implementation per dialect (a third-party dialect registers its
 * own). Not API: applications test with the {@code ashlar-test} module
 * instead.
 */
package dev.ashlar.testkit;
