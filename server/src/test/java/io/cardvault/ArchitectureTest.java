package io.cardvault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled main classes: features form
 * no cycles, the platform depends on no feature, entities depend on no control or boundary code,
 * and only the vault and the forward flow read revealed card data.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {
        "io.cardvault.cards..",
        "io.cardvault.crypto..",
        "io.cardvault.demo..",
        "io.cardvault.egress..",
        "io.cardvault.fields..",
        "io.cardvault.forwarding..",
        "io.cardvault.idempotency..",
        "io.cardvault.sandbox..",
        "io.cardvault.tenants..",
        "io.cardvault.tokens..",
        "io.cardvault.checkout..",
        "io.cardvault.operations..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.cardvault");
    }

    @Test
    void features_formNoCycles() {
        slices().matching("io.cardvault.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platform_dependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.cardvault.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void entities_dependOnNoControlOrBoundary() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..control..", "..boundary..")
                .check(classes);
    }

    @Test
    void placeholderLanguage_isPure() {
        noClasses()
                .that()
                .resideInAPackage("io.cardvault.forwarding.placeholder..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..", "java.net.http..")
                .check(classes);
    }

    @Test
    void nobodyOutsideVaultAndForwardFlow_readsRevealedCardData() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.cardvault.cards.entity..",
                        "io.cardvault.tokens..",
                        "io.cardvault.forwarding.control..")
                .should()
                .callMethod("io.cardvault.cards.entity.CardNumber", "revealDigits")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.cardvault.tokens.entity.RevealedCard")
                .check(classes);
    }

    @Test
    void nothingDependsOnDemoOrSandbox() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.cardvault.demo..", "io.cardvault.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.cardvault.demo..", "io.cardvault.sandbox..")
                .check(classes);
    }
}
