package org.campaignrl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of the hexagon: what may depend on what. */
@AnalyzeClasses(
        packages = "org.campaignrl",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotTestJars.class})
class ArchitectureTest {
    /** Test classes reach these tests as test-jars too (application's in-memory storage): leave them out. */
    static final class NotTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String[] DRIVING_SIDE = {
        "org.campaignrl.adapters.web..",
        "org.campaignrl.adapters.cli..",
        "org.campaignrl.adapters.reports..",
        "org.campaignrl.adapters.users..",
        "org.campaignrl.adapters.serving.."
    };

    @ArchTest
    static final ArchRule domain_depends_only_on_java = classes()
            .that()
            .resideInAPackage("org.campaignrl.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.campaignrl.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_domain_and_java = classes()
            .that()
            .resideInAPackage("org.campaignrl.application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.campaignrl.application..", "org.campaignrl.domain..", "java..");

    @ArchTest
    static final ArchRule javalin_only_in_the_web_adapter = noClasses()
            .that()
            .resideOutsideOfPackages("org.campaignrl.adapters.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule jte_only_in_the_web_adapter = noClasses()
            .that()
            .resideOutsideOfPackages("org.campaignrl.adapters.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("gg.jte..");

    @ArchTest
    static final ArchRule jdbi_and_jdbc_drivers_only_in_the_db_adapter = noClasses()
            .that()
            .resideOutsideOfPackages("org.campaignrl.adapters.db..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi..", "org.h2..", "org.postgresql..");

    /** The Spark adapter parses CSV with it too, on the executors (it is outside this jar: SparkArchitectureTest). */
    @ArchTest
    static final ArchRule commons_csv_only_in_the_csv_adapter = noClasses()
            .that()
            .resideOutsideOfPackages("org.campaignrl.adapters.csv..", "org.campaignrl.adapters.spark..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.commons.csv..");

    @ArchTest
    static final ArchRule picocli_only_in_the_cli_and_its_entry_point = noClasses()
            .that()
            .resideOutsideOfPackages("org.campaignrl.adapters.cli..", "org.campaignrl.boot..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..");

    /**
     * The CSV fast path reads any log the same way (its contract: the package's {@code package-info}) and knows
     * none of them: of the csv adapter it uses only the CSV rules every reading shares.
     */
    @ArchTest
    static final ArchRule the_csv_fast_path_knows_no_log = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.csv.fastpath..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.campaignrl.adapters.csv")
                    .and(DescribedPredicate.not(HasName.Predicates.nameMatching(
                            "org\\.campaignrl\\.adapters\\.csv\\.(FileFormat|Reasons|Utf8)(\\$.*)?"))));

    @ArchTest
    static final ArchRule csv_adapter_uses_no_other_adapter = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.csv..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.campaignrl.adapters.db..",
                    "org.campaignrl.adapters.web..",
                    "org.campaignrl.adapters.cli..",
                    "org.campaignrl.adapters.reports..",
                    "org.campaignrl.adapters.users..",
                    "org.campaignrl.adapters.serving..",
                    "org.campaignrl.data..",
                    "org.campaignrl.boot..");

    @ArchTest
    static final ArchRule db_adapter_uses_no_other_adapter = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.db..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.campaignrl.adapters.csv..",
                    "org.campaignrl.adapters.web..",
                    "org.campaignrl.adapters.cli..",
                    "org.campaignrl.adapters.reports..",
                    "org.campaignrl.adapters.users..",
                    "org.campaignrl.adapters.serving..",
                    "org.campaignrl.data..",
                    "org.campaignrl.boot..");

    /**
     * The driving side's packages (HTTP, CLI, reports, users, the serving process) are one module: they may share,
     * but never reach the driven adapters; only boot sees every adapter.
     */
    @ArchTest
    static final ArchRule the_driving_side_uses_only_the_application = noClasses()
            .that()
            .resideInAnyPackage(DRIVING_SIDE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.campaignrl.adapters.csv..",
                    "org.campaignrl.adapters.db..",
                    "org.campaignrl.data..",
                    "org.campaignrl.boot..");

    @ArchTest
    static final ArchRule web_does_not_depend_on_the_cli_or_the_serving_process = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.campaignrl.adapters.cli..", "org.campaignrl.adapters.serving..");

    /** The CLI reaches the server only through its runtime interface and the serving process. */
    @ArchTest
    static final ArchRule the_cli_does_not_use_the_http_package = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.campaignrl.adapters.web..");

    @ArchTest
    static final ArchRule the_serving_process_does_not_use_the_cli = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters.serving..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.campaignrl.adapters.cli..");

    /** Reports and users are written and read the same way for every face: they know none of them. */
    @ArchTest
    static final ArchRule reports_and_users_know_no_face = noClasses()
            .that()
            .resideInAnyPackage("org.campaignrl.adapters.reports..", "org.campaignrl.adapters.users..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.campaignrl.adapters.web..",
                    "org.campaignrl.adapters.cli..",
                    "org.campaignrl.adapters.serving..");

    /** Adapters call use cases through their in-ports; only boot makes the services. */
    @ArchTest
    static final ArchRule adapters_do_not_use_the_services = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.adapters..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.campaignrl.application.service..");

    @ArchTest
    static final ArchRule in_ports_do_not_depend_on_out_ports = noClasses()
            .that()
            .resideInAPackage("org.campaignrl.application.port.in..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.campaignrl.application.port.out..");

    /** One naming scheme: an in-port is a use case (taking commands); an out-port is named by what it is. */
    @ArchTest
    static final ArchRule in_ports_are_use_cases = classes()
            .that()
            .resideInAPackage("org.campaignrl.application.port.in")
            .and()
            .areTopLevelClasses()
            .should()
            .haveSimpleNameEndingWith("UseCase")
            .andShould()
            .beInterfaces();

    @ArchTest
    static final ArchRule what_in_ports_take_are_commands = classes()
            .that()
            .resideInAPackage("org.campaignrl.application.port.in")
            .and()
            .areRecords()
            .should()
            .haveSimpleNameNotEndingWith("Query");

    @ArchTest
    static final ArchRule out_ports_are_named_by_what_they_are = classes()
            .that()
            .resideInAPackage("org.campaignrl.application.port.out")
            .and()
            .areTopLevelClasses()
            .should()
            .haveSimpleNameNotEndingWith("Port")
            .andShould()
            .beInterfaces();

    @ArchTest
    static final ArchRule the_data_generator_uses_only_the_domain = classes()
            .that()
            .resideInAPackage("org.campaignrl.data..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.campaignrl.data..", "org.campaignrl.domain..", "java..");

    /** A route registered elsewhere would have no access rule: Route declares each one with its rule. */
    @ArchTest
    static final ArchRule routes_are_registered_only_through_their_declaration = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("org.campaignrl.adapters.web.Route")
            .should()
            .callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo("io.javalin.router.JavalinDefaultRoutingApi")))
                    .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                            "get|post|put|patch|delete|head|options|query|addEndpoint"))));

    @ArchTest
    static final ArchRule nothing_depends_on_the_composition_root = noClasses()
            .that()
            .resideOutsideOfPackage("org.campaignrl.boot..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.campaignrl.boot..");

    /**
     * Email addresses are personal data: the driving side gets them only as the send list's CSV
     * ({@code CampaignsUseCase.exportSendList}), written where a role that may export asked for it, never as
     * objects a view, a log line or a report could print.
     */
    @ArchTest
    static final ArchRule addresses_reach_the_driving_side_only_as_the_send_list = noClasses()
            .that()
            .resideInAnyPackage(DRIVING_SIDE)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.campaignrl.application.model.CustomerAddress")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.campaignrl.application.model.DatasetCustomers");

    /**
     * The send list is written in two places only: the API's send-list route, whose access rule lets only roles that
     * may export addresses through ({@code Route.SEND_LIST}, {@code Access.API_EXPORT}), and the CLI's
     * {@code campaigns export}, run by whoever holds the database. A page or another route that wrote it would
     * hand addresses to every role.
     */
    @ArchTest
    static final ArchRule the_send_list_is_written_only_behind_the_export_rule = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("org.campaignrl.adapters.web.CampaignsApi")
            .and()
            .doNotHaveFullyQualifiedName("org.campaignrl.adapters.cli.CampaignsCommand$ExportSendList")
            .and()
            .resideOutsideOfPackage("org.campaignrl.application..")
            .should()
            .callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo("org.campaignrl.application.port.in.CampaignsUseCase")))
                    .and(JavaCall.Predicates.target(HasName.Predicates.name("exportSendList"))));
}
