package dev.ashlar.compliance;

import dev.ashlar.testkit.TestDatabases;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * For jqwik properties, which cannot be parameterized by database as {@code @AllDatabases} tests
 * are: a property named after a built-in database ({@code sqlite}, {@code postgresql},
 * {@code mariadb}) runs on that database. Outside CI, the property of a database this run does not
 * have is reported as skipped, with the reason, rather than passing without a try; with
 * {@code CI=true} nothing is skipped, so the property runs and fails saying which database is
 * missing. Add it with {@code @AddLifecycleHook(PropertyDatabases.class)}.
 */
public final class PropertyDatabases implements SkipExecutionHook {
    /** Added to a container, the hook decides for each property in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (context instanceof PropertyLifecycleContext property && !TestDatabases.ci()) {
            String name = property.targetMethod().getName();
            if (TestDatabases.all().stream().noneMatch(db -> db.name().equals(name))) {
                return SkipResult.skip("this run has no " + name + " database (" + TestDatabases.SELECT + ", " + TestDatabases.URL + ")");
            }
        }
        return SkipResult.doNotSkip();
    }
}
