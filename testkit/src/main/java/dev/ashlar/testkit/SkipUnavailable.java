package dev.ashlar.testkit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/** Reports an invocation that received an {@link TestDatabase#available() unavailable} database as skipped, with the reason. */
public final class SkipUnavailable implements InvocationInterceptor {
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        for (Object argument : invocationContext.getArguments()) {
            if (argument instanceof TestDatabase db && !db.available()) {
                invocation.skip();
                throw new TestAbortedException(db.unavailableReason());
            }
        }
        invocation.proceed();
    }
}
