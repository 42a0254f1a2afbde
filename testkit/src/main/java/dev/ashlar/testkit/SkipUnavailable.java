package dev.ashlar.testkit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Reports an invocation that received an {@link TestDatabase#available() unavailable} database as
 * skipped, with the reason. With {@code CI=true} nothing is skipped: the invocation fails with the
 * reason instead, so that a run which cannot have a test's database excludes that test class in its
 * surefire configuration rather than reporting it skipped.
 */
public final class SkipUnavailable implements InvocationInterceptor {
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        for (Object argument : invocationContext.getArguments()) {
            if (argument instanceof TestDatabase db && !db.available()) {
                invocation.skip();
                if (TestDatabases.ci()) {
                    throw new TestSetupException("CI=true, where nothing is skipped, but " + db.unavailableReason()
                            + "; exclude this test class from a run that cannot have its database");
                }
                throw new TestAbortedException(db.unavailableReason());
            }
        }
        invocation.proceed();
    }
}
