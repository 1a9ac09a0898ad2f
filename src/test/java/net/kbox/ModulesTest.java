package net.kbox;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes: each feature uses another
 * only through its API (its top package, or a sub-package it names as an interface), only in the
 * directions its package-info allows, and no two packages import each other, directly or in a loop.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void test_features_use_each_other_only_through_their_api_in_the_allowed_directions() {
        MODULES.verify();
    }

    @Test
    void test_no_package_imports_another_that_imports_it_back() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.kbox");
        slices().matching("net.kbox.(**)").should().beFreeOfCycles().check(classes);
    }
}
