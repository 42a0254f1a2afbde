package dev.ashlar.core.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering: core knows nothing of the layers above it, and no dialect knows another. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ashlar.core");
        // guard against a vacuous pass: the main classes, dialects included, were found
        assertThat(core.stream().filter(c -> c.getPackageName().startsWith("dev.ashlar.core.dialect.")).count()).isGreaterThan(10);
    }

    @Test
    void coreDoesNotDependOnTheLayersAboveIt() {
        noClasses().that().resideInAPackage("dev.ashlar.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ashlar.declarative..", "dev.ashlar.orm..",
                        "dev.ashlar.processor..", "dev.ashlar.cli..")
                .check(core);
    }

    @Test
    void sqliteDialectKnowsNoOtherDialect() {
        noClasses().that().resideInAPackage("..dialect.sqlite..")
                .should().dependOnClassesThat().resideInAnyPackage("..dialect.postgresql..", "..dialect.mariadb..")
                .check(core);
    }

    @Test
    void postgresDialectKnowsNoOtherDialect() {
        noClasses().that().resideInAPackage("..dialect.postgresql..")
                .should().dependOnClassesThat().resideInAnyPackage("..dialect.sqlite..", "..dialect.mariadb..")
                .check(core);
    }

    @Test
    void mariadbDialectKnowsNoOtherDialect() {
        noClasses().that().resideInAPackage("..dialect.mariadb..")
                .should().dependOnClassesThat().resideInAnyPackage("..dialect.sqlite..", "..dialect.postgresql..")
                .check(core);
    }

    @Test
    void sharedDialectCodeKnowsNoConcreteDialect() {
        noClasses().that().resideInAPackage("dev.ashlar.core.dialect")
                .should().dependOnClassesThat().resideInAnyPackage("..dialect.sqlite..", "..dialect.postgresql..", "..dialect.mariadb..")
                .check(core);
    }
}
