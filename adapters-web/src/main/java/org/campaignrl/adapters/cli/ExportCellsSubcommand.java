package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campaignrl.application.port.in.ExportCellsUseCase.ExportCellsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export-cells", description = "Write the dataset's cells in the email_campaign_data.csv layout.")
final class ExportCellsSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Option(names = "--dataset", paramLabel = "ID", description = "Dataset id (default: the latest).")
    Long datasetId;

    ExportCellsSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            long rows = session.app().exportCells().export(new ExportCellsCommand(out, Optional.ofNullable(datasetId)));
            out().printf("%,d cells written to %s%n", rows, out);
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
