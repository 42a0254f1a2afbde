package dev.ashlar.compliance;

import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import java.util.Optional;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * For jqwik properties, which cannot be parameterized by database as {@code @AllDatabases} tests
 * are: a property named after a database ({@code sqlite}, {@code postgresql}, {@code mariadb}) runs
 * on that database, and one named {@value #OTHER} on a database of a dialect outside Ashlar. The
 * property of a database this run does not have is reported as skipped, with the reason, rather
 * than passing without a try. Add it with {@code @AddLifecycleHook(PropertyDatabases.class)}.
 */
public final class PropertyDatabases implements SkipExecutionHook {
    /** The name of the property that runs on a third-party dialect's database. */
    public static final String OTHER = "otherDatabase";

    /** The database of this run that the property named {@code property} runs on, if the run has it. */
    public static Optional<TestDatabase> of(String property) {
        return TestDatabases.all().stream()
                .filter(db -> OTHER.equals(property) ? !db.builtIn() : db.name().equals(property))
                .findFirst();
    }

    /** Added to a container, the hook decides for each property in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (context instanceof PropertyLifecycleContext property) {
            String name = property.targetMethod().getName();
            if (of(name).isEmpty()) {
                return SkipResult.skip(OTHER.equals(name) ? "this run has no database of a third-party dialect"
                        : "this run has no " + name + " database (" + TestDatabases.SELECT + ", " + TestDatabases.URL + ")");
            }
        }
        return SkipResult.doNotSkip();
    }
}
