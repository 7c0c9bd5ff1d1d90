package org.campaignrl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of the hexagon: what may depend on what. */
@AnalyzeClasses(packages = "org.campaignrl", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_java = classes()
            .that().resideInAPackage("org.campaignrl.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.campaignrl.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_domain_and_java = classes()
            .that().resideInAPackage("org.campaignrl.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.campaignrl.application..", "org.campaignrl.domain..", "java..");

    @ArchTest
    static final ArchRule javalin_only_in_the_web_adapter = noClasses()
            .that().resideOutsideOfPackages("org.campaignrl.adapters.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule jte_only_in_the_web_adapter = noClasses()
            .that().resideOutsideOfPackages("org.campaignrl.adapters.web..")
            .should().dependOnClassesThat().resideInAPackage("gg.jte..");

    @ArchTest
    static final ArchRule jdbi_and_jdbc_drivers_only_in_the_db_adapter = noClasses()
            .that().resideOutsideOfPackages("org.campaignrl.adapters.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.h2..", "org.postgresql..");

    @ArchTest
    static final ArchRule commons_csv_only_in_the_csv_adapter = noClasses()
            .that().resideOutsideOfPackages("org.campaignrl.adapters.csv..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..");

    @ArchTest
    static final ArchRule picocli_only_in_the_cli_and_its_entry_point = noClasses()
            .that().resideOutsideOfPackages("org.campaignrl.adapters.cli..", "org.campaignrl.boot..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule csv_adapter_uses_no_other_adapter = noClasses()
            .that().resideInAPackage("org.campaignrl.adapters.csv..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.campaignrl.adapters.db..", "org.campaignrl.adapters.web..", "org.campaignrl.adapters.cli..",
                    "org.campaignrl.data..", "org.campaignrl.boot..");

    @ArchTest
    static final ArchRule db_adapter_uses_no_other_adapter = noClasses()
            .that().resideInAPackage("org.campaignrl.adapters.db..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.campaignrl.adapters.csv..", "org.campaignrl.adapters.web..", "org.campaignrl.adapters.cli..",
                    "org.campaignrl.data..", "org.campaignrl.boot..");

    /** Web and CLI are the driving side of one module: they may share, but never reach the driven adapters. */
    @ArchTest
    static final ArchRule web_and_cli_use_only_the_application = noClasses()
            .that().resideInAnyPackage("org.campaignrl.adapters.web..", "org.campaignrl.adapters.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.campaignrl.adapters.csv..", "org.campaignrl.adapters.db..", "org.campaignrl.data..",
                    "org.campaignrl.boot..");

    @ArchTest
    static final ArchRule web_does_not_depend_on_the_cli = noClasses()
            .that().resideInAPackage("org.campaignrl.adapters.web..")
            .should().dependOnClassesThat().resideInAPackage("org.campaignrl.adapters.cli..");

    @ArchTest
    static final ArchRule the_data_generator_uses_only_the_domain = classes()
            .that().resideInAPackage("org.campaignrl.data..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.campaignrl.data..", "org.campaignrl.domain..", "java..");

    /** A route registered elsewhere would have no access rule: Route declares each one with its rule. */
    @ArchTest
    static final ArchRule routes_are_registered_only_through_their_declaration = noClasses()
            .that().doNotHaveFullyQualifiedName("org.campaignrl.adapters.web.Route")
            .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo("io.javalin.router.JavalinDefaultRoutingApi")))
                    .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                            "get|post|put|patch|delete|head|options|query|addEndpoint"))));

    @ArchTest
    static final ArchRule nothing_depends_on_the_composition_root = noClasses()
            .that().resideOutsideOfPackage("org.campaignrl.boot..")
            .should().dependOnClassesThat().resideInAPackage("org.campaignrl.boot..");
}
