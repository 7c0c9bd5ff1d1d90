package org.campaignrl.adapters.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Spark module's place in the hexagon (adapters-web's ArchitectureTest cannot see it: the main jar does not
 * depend on it): the adapter knows the application's ports and models, the shared log rules and the domain, and
 * Spark; only its composition root, boot.spark, names the database adapter and the application's services.
 */
@AnalyzeClasses(packages = "org.campaignrl", importOptions = ImportOption.DoNotIncludeTests.class)
class SparkArchitectureTest {
    @ArchTest
    static final ArchRule the_adapter_uses_the_application_the_domain_and_spark_only = classes()
            .that()
            .resideInAPackage("org.campaignrl.adapters.spark..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "org.campaignrl.adapters.spark..",
                    "org.campaignrl.application..",
                    "org.campaignrl.domain..",
                    "java..",
                    "org.apache.spark..",
                    "org.apache.hadoop..",
                    "scala..",
                    "org.apache.commons.csv..");

    @ArchTest
    static final ArchRule the_adapter_does_not_use_the_services = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.spark..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.campaignrl.application.service..");

    @ArchTest
    static final ArchRule only_the_spark_composition_root_names_the_database = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.spark..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.campaignrl.adapters.db..", "org.campaignrl.adapters.csv..", "org.campaignrl.boot..");
}
