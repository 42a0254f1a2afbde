package dev.ashlar.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries across the whole project: a package named {@code internal} is its module's own
 * business, so no module may use another module's {@code internal} classes. The command line sits on
 * top of every other module, so its test classpath holds all of their main classes.
 */
class ModuleBoundariesTest {
    private static final String ROOT = "dev.ashlar.";
    private static JavaClasses all;

    @BeforeAll
    static void importEveryModule() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the modules are class folders in a reactor build and ashlar-*.jar files otherwise; other jars hold none of them
                .withImportOption(location -> !location.isJar() || location.contains("ashlar-"))
                .importPackages("dev.ashlar");
        // guard against a vacuous pass: every module's classes, and some internal ones, were found
        Set<String> modules = new TreeSet<>();
        all.forEach(c -> modules.add(moduleOf(c)));
        assertThat(modules).contains("core", "declarative", "processor", "orm", "examples", "cli", "testkit", "compliance");
        assertThat(all.stream().filter(c -> c.getPackageName().contains(".internal")).count()).isGreaterThan(10);
    }

    @Test
    void noModuleUsesAnotherModulesInternalPackages() {
        classes().should(useOnlyTheirOwnModulesInternals()).check(all);
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnModulesInternals() {
        return new ArchCondition<>("use no other module's internal packages") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String module = moduleOf(c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (isInternal(target) && !moduleOf(target).equals(module)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + module + " uses "
                                + moduleOf(target) + "'s internal package " + target.getPackageName()));
                    }
                }
            }
        };
    }

    private static boolean isInternal(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith(ROOT) && (pkg.contains(".internal.") || pkg.endsWith(".internal"));
    }

    /** {@code core} for {@code dev.ashlar.core.sql.Select}: the package segment after {@code dev.ashlar}. */
    private static String moduleOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return pkg;
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
