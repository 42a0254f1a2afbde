package dev.ashlar.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compliance suite runs on any dialect's database, so its expectations come from the dialect's
 * declared capabilities and its vendor set-up SQL from the dialect's {@code VendorSql}: no class of
 * the suite asks which of Ashlar's three built-in databases it runs on. A branch on
 * {@link DatabaseKind} (or a call of {@link TestDatabase#kind()}, which fails on a third-party
 * dialect's database with "not one of Ashlar's own") would make the suite unusable for that dialect.
 */
class ComplianceExpectationsTest {
    private static final String SUITE = "dev.ashlar.compliance..";
    private static JavaClasses suite;

    @BeforeAll
    static void importTheSuite() {
        suite = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.isJar() || location.contains("ashlar-"))
                .importPackages("dev.ashlar.compliance");
        // guard against a vacuous pass: the suite's test classes were found
        assertThat(suite.stream().filter(c -> c.getSimpleName().endsWith("Test")).count()).isGreaterThan(30);
    }

    @Test
    void noComplianceClassReferencesDatabaseKind() {
        noDatabaseKind(noClasses().that().resideInAPackage(SUITE)).check(suite);
    }

    @Test
    void noComplianceClassAsksATestDatabaseForItsKind() {
        noKindCall(noClasses().that().resideInAPackage(SUITE)).check(suite);
    }

    @Test
    void theRulesSeeABranchOnTheKindAsAViolation() {
        JavaClasses branches = new ClassFileImporter().importClasses(BranchOnKind.class);
        assertThat(noDatabaseKind(noClasses().that().haveSimpleNameEndingWith("BranchOnKind")).evaluate(branches).hasViolation()).isTrue();
        assertThat(noKindCall(noClasses().that().haveSimpleNameEndingWith("BranchOnKind")).evaluate(branches).hasViolation()).isTrue();
        JavaClasses fine = new ClassFileImporter().importClasses(AsksTheDialect.class);
        assertThat(noDatabaseKind(noClasses().that().haveSimpleNameEndingWith("AsksTheDialect")).evaluate(fine).hasViolation()).isFalse();
        assertThat(noKindCall(noClasses().that().haveSimpleNameEndingWith("AsksTheDialect")).evaluate(fine).hasViolation()).isFalse();
    }

    private static ArchRule noDatabaseKind(GivenClassesConjunction classes) {
        ClassesShouldConjunction rule = classes.should().dependOnClassesThat().belongToAnyOf(DatabaseKind.class);
        return rule.because("a compliance test takes its expectations from the dialect (Capabilities.of(db), conn.dialect())"
                + " and its vendor set-up SQL from db.vendor(), so that a third-party dialect can run it");
    }

    private static ArchRule noKindCall(GivenClassesConjunction classes) {
        return classes.should().callMethod(TestDatabase.class, "kind")
                .because("TestDatabase.kind() fails on a third-party dialect's database; ask the dialect or db.vendor()");
    }

    /** What the rules must refuse: a test that picks its expectation by the built-in database it runs on. */
    static final class BranchOnKind {
        String expected(TestDatabase db) {
            return db.kind() == DatabaseKind.MARIADB ? "PRIMARY" : "pk_books";
        }
    }

    /** What they must let through: the same test asking the database's vendor SQL and name. */
    static final class AsksTheDialect {
        String expected(TestDatabase db) {
            return db.vendor().dialect() + db.name();
        }
    }
}
