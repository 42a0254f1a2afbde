package dev.ashlar.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test once per database, passing an emptied {@link TestDatabase}. The database's name is
 * part of each invocation's display name, and so of the Surefire report: {@code creates table [sqlite]}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{0}]")
@ArgumentsSource(AllDatabasesProvider.class)
public @interface AllDatabases {
}
