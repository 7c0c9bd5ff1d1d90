package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Write a synthetic, seeded set of the three campaign logs (and truth.json).")
final class GenerateSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--customers", defaultValue = "500000", paramLabel = "N",
            description = "Customers in the userbase (default: ${DEFAULT-VALUE}, about 2.48 M sends).")
    int customers;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    GenerateSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        out().println(runtime.generate(out, customers, seed, TerminalProgress.onStderr()));
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
