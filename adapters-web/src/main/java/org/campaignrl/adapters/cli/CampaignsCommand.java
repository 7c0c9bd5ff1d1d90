package org.campaignrl.adapters.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.port.in.CampaignsUseCase.CampaignDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code campaigns list|show|export|readout}: the stored campaign plans, their send lists and readouts. */
@Command(
        name = "campaigns",
        description = "List and show campaign plans, export a send list, read a readout.",
        subcommands = {
            CampaignsCommand.ListPlans.class,
            CampaignsCommand.ShowPlan.class,
            CampaignsCommand.ExportSendList.class,
            CampaignsCommand.ShowReadout.class
        })
final class CampaignsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to do: list, show, export or readout");
    }

    @Command(name = "list", description = "Every plan, newest first.")
    static final class ListPlans extends DatabaseSubcommand {
        ListPlans(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            List<CampaignPlan> plans = session.app().campaigns().list();
            if (plans.isEmpty()) {
                out().println("No campaign planned yet ('plan' makes one).");
                return;
            }
            for (CampaignPlan plan : plans) {
                var chosen = plan.figures().chosen();
                out().printf(
                                java.util.Locale.ROOT,
                                "Plan %d  %s  subject %d, %s: %,d customers, %.1f responses "
                                        + "expected (%.1f – %.1f)%n",
                                plan.id(),
                                Format.when(plan.createdAt()),
                                plan.settings().subjectId(),
                                CampaignText.size(plan.settings()),
                                plan.figures().customers(),
                                chosen.expected(),
                                chosen.lower(),
                                chosen.upper());
            }
        }
    }

    @Command(name = "show", description = "A plan: its settings, what it expects, and its newest readout.")
    static final class ShowPlan extends DatabaseSubcommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Plan id.")
        long id;

        ShowPlan(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            CampaignDetails details = session.app().campaigns().show(id);
            CampaignText.plan(out(), details.plan());
            CampaignText.readout(out(), id, details.latestReadout().orElse(null));
        }
    }

    @Command(name = "export", description = "Write a plan's send list (with email addresses) as CSV, streamed.")
    static final class ExportSendList extends DatabaseSubcommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Plan id.")
        long id;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
        Path file;

        ExportSendList(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) throws Exception {
            session.app().campaigns().show(id); // an unknown plan leaves no empty file behind
            long rows;
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                rows = session.app().campaigns().exportSendList(id, writer);
            }
            // Only the count and the path: the addresses stay in the file.
            out().printf("%,d customers of plan %d written to %s%n", rows, id, file);
        }
    }

    @Command(
            name = "readout",
            description = "A plan's newest readout: each group's conversion, the lift over "
                    + "control, predicted against observed.")
    static final class ShowReadout extends DatabaseSubcommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Plan id.")
        long id;

        ShowReadout(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            CampaignText.readout(
                    out(), id, session.app().campaigns().readout(id).orElse(null));
        }
    }
}
