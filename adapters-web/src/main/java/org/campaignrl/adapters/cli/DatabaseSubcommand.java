package org.campaignrl.adapters.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand of a command group ({@code models …}, {@code campaigns …}): the database option, the runtime, the output. */
abstract class DatabaseSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    DatabaseSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            run(session);
        }
        return 0;
    }

    abstract void run(CliRuntime.Session session) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
