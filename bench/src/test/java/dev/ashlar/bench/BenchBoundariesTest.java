package dev.ashlar.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks use Ashlar as its users do: through public API, never another module's {@code internal} package.
 * The project-wide rule ({@code cli}'s {@code ModuleBoundariesTest}) cannot see this module, which no other module
 * depends on, so it is checked here.
 */
class BenchBoundariesTest {
    @Test
    void benchmarksUseNoInternalPackage() {
        JavaClasses bench = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ashlar.bench");
        // guard against a vacuous pass: the workloads and the report were found
        assertThat(bench.contain(FetchAll.class)).isTrue();
        assertThat(bench.contain(dev.ashlar.bench.report.Report.class)).isTrue();
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.ashlar..internal..")
                .because("the benchmarks must measure what users can call")
                .check(bench);
    }
}
