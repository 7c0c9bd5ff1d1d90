package org.campaignrl.adapters.cli;

import java.util.concurrent.Callable;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.AudienceStep;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudience;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudienceCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audience", description = "The audiences the active model walks through for a subject line.")
final class AudienceSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Subject line id.")
    int subjectId;

    AudienceSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            CampaignAudience audience =
                    session.app().campaignAudience().audience(new CampaignAudienceCommand(subjectId));
            out().printf(
                            "%s (model %d), rollout ended by %s:%n",
                            audience.subjectLabel(),
                            audience.modelId(),
                            audience.end().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            for (AudienceStep step : audience.steps()) {
                out().printf(
                                "  %6.2f %% of %,7d sends%s  %s%n",
                                100 * step.conversion(),
                                step.sends(),
                                step.goal() ? "  goal" : "      ",
                                String.join(", ", step.profile().values()));
            }
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
