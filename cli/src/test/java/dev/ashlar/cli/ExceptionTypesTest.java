package dev.ashlar.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every failure of Ashlar's API is an {@code AshlarException} subtype (testkit, which sits beneath
 * core, has its {@code TestSetupException}), so main code of no published module constructs the
 * JDK's {@link IllegalArgumentException}, {@link IllegalStateException} or
 * {@link UnsupportedOperationException} (nor their subclasses, such as {@code NumberFormatException}).
 * The command line sits on top of every other module, so its test classpath holds all of their
 * main classes.
 *
 * <p>Two kinds of code may construct them, listed here explicitly:
 * <ul>
 *   <li>an override of a JDK interface's method whose contract names the exception (such as
 *       {@code Iterator.remove} or {@code List.add} on a read-only view throwing
 *       {@code UnsupportedOperationException}): callers that hold the JDK type expect the JDK's
 *       exception, and the error package's documentation lists these;</li>
 *   <li>the classes of {@link #ALLOWED}, each with the reason beside it.</li>
 * </ul>
 */
class ExceptionTypesTest {
    private static final List<Class<? extends RuntimeException>> FORBIDDEN =
            List.of(IllegalArgumentException.class, IllegalStateException.class, UnsupportedOperationException.class);
    /**
     * Modules whose errors reach no user: samples, the benchmarks, and the compliance suite (its main
     * code is tests, which throw the JDK's exceptions on purpose to see how Ashlar passes them on).
     */
    private static final Set<String> UNPUBLISHED = Set.of("examples", "bench", "compliance");
    /**
     * Classes allowed to construct a forbidden exception, with the reason. Empty today: every JDK
     * contract Ashlar fulfils is an override, which the rule recognises by itself.
     */
    private static final Set<String> ALLOWED = Set.of();
    private static JavaClasses all;

    @BeforeAll
    static void importEveryModule() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the modules are class folders in a reactor build and ashlar-*.jar files otherwise; other jars hold none of them
                .withImportOption(location -> !location.isJar() || location.contains("ashlar-"))
                .importPackages("dev.ashlar");
        // guard against a vacuous pass: the published modules' classes were found
        Set<String> modules = new TreeSet<>();
        all.forEach(c -> modules.add(moduleOf(c)));
        assertThat(modules).contains("core", "declarative", "processor", "orm", "migrate", "cli", "testkit", "test",
                "micrometer", "opentelemetry");
    }

    @Test
    void noPublishedModuleConstructsTheJdksGenericExceptions() {
        classes().that().resideInAPackage("dev.ashlar..").should(constructNoForbiddenException()).check(all);
    }

    @Test
    void theRuleSeesAConstructionAsAViolation() {
        // the rule itself must catch what it is about: this test class constructs one, and is caught
        JavaClasses self = new ClassFileImporter().importClasses(Violator.class);
        assertThat(classes().should(constructNoForbiddenException()).evaluate(self).hasViolation()).isTrue();
    }

    private static ArchCondition<JavaClass> constructNoForbiddenException() {
        return new ArchCondition<>("construct no IllegalArgumentException, IllegalStateException or UnsupportedOperationException") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (UNPUBLISHED.contains(moduleOf(c)) || ALLOWED.contains(c.getName())) {
                    return;
                }
                Stream.<JavaAccess<?>>concat(c.getConstructorCallsFromSelf().stream(), c.getConstructorReferencesFromSelf().stream())
                        .filter(access -> isForbidden(access.getTargetOwner()))
                        .filter(access -> !fulfilsJdkContract(access.getOrigin()))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                + ": throw an AshlarException subtype (UsageException, DefinitionException, ConfigurationException, "
                                + "UnsupportedFeatureException, ...) that says what was wrong and what to do")));
            }
        };
    }

    private static boolean isForbidden(JavaClass type) {
        return FORBIDDEN.stream().anyMatch(type::isAssignableTo);
    }

    /** Whether {@code code} overrides a method declared by a JDK ({@code java.*}) supertype of its class. */
    private static boolean fulfilsJdkContract(JavaCodeUnit code) {
        if (!(code instanceof JavaMethod method)) {
            return false;
        }
        String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
        return Stream.concat(method.getOwner().getAllRawSuperclasses().stream(), method.getOwner().getAllRawInterfaces().stream())
                .filter(type -> type.getPackageName().startsWith("java."))
                .anyMatch(type -> type.tryGetMethod(method.getName(), parameters).isPresent());
    }

    /** {@code core} for {@code dev.ashlar.core.sql.Select}: the package segment after {@code dev.ashlar}. */
    private static String moduleOf(JavaClass c) {
        String pkg = c.getPackageName();
        String rest = pkg.startsWith("dev.ashlar.") ? pkg.substring("dev.ashlar.".length()) : pkg;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** What the rule must refuse. */
    static final class Violator {
        void misuse(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }
}
