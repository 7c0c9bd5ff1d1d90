package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate-responses}: the generator answers a plan's send list, beside {@code generate}. */
@Command(name = "simulate-responses", description = "Write the sent_emails.csv and responded.csv (and the same "
        + "userbase.csv) that a plan's send list would bring back from generated customers, under truth.json's "
        + "probabilities; ingest the folder to read the plan out.")
final class SimulateResponsesSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Option(names = "--send-list", required = true, paramLabel = "FILE", description = "A send list ('campaigns "
            + "export').")
    Path sendList;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The generated logs' truth.json.")
    Path truth;

    @Option(names = "--userbase", paramLabel = "FILE", description = "The generated userbase (default: the "
            + "userbase.csv beside the truth file).")
    Path userbase;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the logs into.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    SimulateResponsesSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(runtime.simulateResponses(sendList, truth, userbase, out, seed));
        return 0;
    }
}
