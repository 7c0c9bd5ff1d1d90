package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "answer-plan",
        description = "Write the logs a campaign's send list would bring back on generated"
                + " data: sent_emails.csv, responded.csv (each send answered with truth.json's probability, seeded) and the"
                + " same userbase.csv, to ingest for the plan's readout.")
final class AnswerPlanSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--send-list",
            required = true,
            paramLabel = "FILE",
            description = "The plan's send list (campaigns export).")
    Path sendList;

    @Option(
            names = "--truth",
            required = true,
            paramLabel = "FILE",
            description = "truth.json of the generated logs the plan was made on.")
    Path truth;

    @Option(
            names = "--userbase",
            paramLabel = "FILE",
            description = "Their userbase.csv (default: the one beside the truth file).")
    Path userbase;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    AnswerPlanSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        Path users = userbase != null ? userbase : truth.toAbsolutePath().resolveSibling("userbase.csv");
        spec.commandLine().getOut().println(runtime.answerPlan(sendList, truth, users, out, seed));
        return 0;
    }
}
