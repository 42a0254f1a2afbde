/**
 * Testing support for applications that use Ashlar (API): {@link dev.ashlar.test.AshlarTest} runs a
 * JUnit 5 test class against a database, each test in a transaction rolled back after it, with
 * engines, connections and sessions injected by {@link dev.ashlar.test.AshlarExtension}.
 * {@link dev.ashlar.test.StatementLog} and {@link dev.ashlar.test.ExpectStatements} let a test
 * check which statements it sent, and how many.
 */
package dev.ashlar.test;
