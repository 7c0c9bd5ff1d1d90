package org.campaignrl.adapters.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.ranking.RankingMethod;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plan}: a campaign for one subject line on the latest (served) dataset's customers, stored unless previewed. */
@Command(
        name = "plan",
        description = "Plan a campaign: who of the dataset's customers to email, when, and who to "
                + "keep as a random control group; stored with its customers (see 'campaigns').",
        defaultValueProvider = PlanSubcommand.Defaults.class)
final class PlanSubcommand implements Callable<Integer> {
    /** The command's fields by the options that set them, so that a refusal names what the user typed. */
    private static final Map<String, String> OPTIONS = Map.of(
            "subjectId",
            "--subject",
            "budget",
            "--budget",
            "threshold",
            "--threshold",
            "day",
            "--day",
            "method",
            "--method",
            "explorationShare",
            "--explore-share",
            "controlShare",
            "--control-share",
            "control",
            "--control",
            "seed",
            "--seed",
            "startDate",
            "--start-date");

    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Subject line id.")
    int subjectId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Size size;

    static final class Size {
        @Option(names = "--budget", paramLabel = "N", description = "Emails the ranking spends (target + explore).")
        Long budget;

        @Option(
                names = "--threshold",
                paramLabel = "RATE",
                description = "Instead of a budget: every audience whose predicted rate is at least this (0..1).")
        Double threshold;
    }

    @Option(
            names = "--day",
            paramLabel = "DAY",
            description =
                    "The day every send goes out (monday … sunday); " + "default: each audience on its own best day.")
    String day;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            description = "How audiences are ranked (default: the one the "
                    + "held-out evaluation finds best, ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--explore-share",
            paramLabel = "SHARE",
            description = "Share of the emails spent on uncertain " + "audiences (default: ${DEFAULT-VALUE}).")
    double explorationShare;

    @Option(
            names = "--control-share",
            paramLabel = "SHARE",
            description = "Share of the plan's customers kept as a "
                    + "random control group, below 1 (default: ${DEFAULT-VALUE}).")
    double controlShare;

    @Option(
            names = "--control",
            paramLabel = "WHAT",
            description = "What the control gets: business-as-usual (the "
                    + "same subject line) or nothing (default: ${DEFAULT-VALUE}).")
    String control;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seeds the control draw and the exploration " + "(default: ${DEFAULT-VALUE}).")
    long seed;

    /** The defaults are the command's own (one place for the API, the page and the CLI). */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            return switch (option.longestName()) {
                case "--method" -> CampaignSettings.DEFAULT_METHOD.name();
                case "--explore-share" -> Double.toString(PlanCampaignCommand.DEFAULT_EXPLORATION_SHARE);
                case "--control-share" -> Double.toString(PlanCampaignCommand.DEFAULT_CONTROL_SHARE);
                case "--control" -> label(ControlTreatment.BUSINESS_AS_USUAL);
                case "--seed" -> Long.toString(PlanCampaignCommand.DEFAULT_SEED);
                default -> null;
            };
        }
    }

    /** "business-as-usual", as the option takes it. */
    static String label(ControlTreatment treatment) {
        return treatment.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Option(
            names = "--start-date",
            paramLabel = "DATE",
            description = "The campaign's first day, yyyy-MM-dd " + "(default: today, UTC).")
    LocalDate startDate;

    @Option(names = "--preview", description = "Show what it would expect, storing nothing.")
    boolean preview;

    PlanSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    /** The command checked before the database opens; its refusals and the planner's name the option. */
    @Override
    public Integer call() {
        try {
            PlanCampaignCommand command = new PlanCampaignCommand(
                    subjectId,
                    size.budget,
                    size.threshold,
                    day(),
                    rankingMethod(),
                    explorationShare,
                    controlShare,
                    treatment(),
                    seed,
                    startDate == null ? LocalDate.now(java.time.ZoneOffset.UTC) : startDate);
            try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
                var planning = session.app().planCampaign();
                CampaignText.plan(out(), preview ? planning.preview(command) : planning.plan(command));
            }
        } catch (InvalidCommandException e) {
            throw new IllegalArgumentException(OPTIONS.getOrDefault(e.field(), e.field()) + ": " + e.problem(), e);
        }
        return 0;
    }

    private DayOfWeek day() {
        if (day == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("day", "must be a day's name (monday … sunday), was '" + day + "'");
        }
    }

    private RankingMethod rankingMethod() {
        try {
            return RankingMethod.valueOf(method.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(
                    "method",
                    "must be one of " + java.util.Arrays.toString(RankingMethod.values()) + ", was '" + method + "'");
        }
    }

    private ControlTreatment treatment() {
        try {
            return ControlTreatment.valueOf(
                    control.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("control", "must be business-as-usual or nothing, was '" + control + "'");
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
