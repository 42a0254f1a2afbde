package dev.ashlar.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Like {@link AllDatabases}, for tests of what only a database server has: a network connection
 * that can be refused, killed or lost, and user accounts. Runs once per server database
 * (PostgreSQL, MariaDB), never on SQLite, which is a file opened in-process.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{0}]")
@ArgumentsSource(ServerDatabasesProvider.class)
@ExtendWith(SkipUnavailable.class)
public @interface ServerDatabases {
}
