package dev.ashlar.testkit;

/**
 * The test environment cannot be set up: a database server is unreachable (with {@code CI=true}) or
 * refuses to create the test database, the shared test data is missing or broken, or a test asked the
 * kit for something it does not hold. The message says what to start, fix or ask for instead.
 *
 * <p>Not an {@code AshlarException}: this kit sits beneath {@code ashlar-core} (core's own tests use
 * it), so it cannot depend on core's error types. It is not API either; only Ashlar's tests see it.
 */
public class TestSetupException extends RuntimeException {
    public TestSetupException(String message) {
        super(message);
    }

    public TestSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
