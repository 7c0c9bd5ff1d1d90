package org.campaignrl.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campaignrl.adapters.reports.EvaluationJson;
import org.campaignrl.adapters.reports.EvaluationMarkdown;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.domain.ranking.RankingMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "evaluate",
        description = "How good is a model: against the exact optimum, in the existing users' fold "
                + "protocol, on held-out sends, and against a known truth.")
final class EvaluateSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--model", paramLabel = "ID", description = "Model version (default: the active one).")
    Long modelId;

    @Option(names = "--json", description = "Print one JSON object instead of the Markdown report.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write evaluation.md and evaluation.json there.")
    Path out;

    @Option(
            names = "--method",
            defaultValue = "WILSON_LOWER_BOUND",
            description = "Ranking measured on held-out sends: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RankingMethod method;

    @Option(
            names = "--top",
            defaultValue = "10",
            description = "Audiences per subject line (default: ${DEFAULT-VALUE}).")
    int topN;

    @Option(
            names = "--min-sends",
            defaultValue = "10",
            description = "Fewest sends a ranked cell needs (default: ${DEFAULT-VALUE}).")
    long minSends;

    @Option(
            names = "--confidence",
            defaultValue = "0.95",
            description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap draws (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of folds, samples and bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--samples-per-fold",
            defaultValue = "1000",
            description = "Start states per fold (default: ${DEFAULT-VALUE}).")
    int samplesPerFold;

    @Option(
            names = "--truth",
            paramLabel = "FILE",
            description = "A generator's truth.json: regret against the true best cells.")
    Path truthFile;

    EvaluateSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        EvaluateModelCommand command = new EvaluateModelCommand(
                Optional.ofNullable(modelId),
                method,
                topN,
                minSends,
                confidence,
                bootstrap,
                seed,
                samplesPerFold,
                Optional.ofNullable(truthFile));
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            Evaluation evaluation = session.app().evaluateModel().evaluate(command);
            String jsonText = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(EvaluationJson.of(evaluation));
            String markdown = EvaluationMarkdown.of(evaluation);
            if (out != null) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("evaluation.json"), jsonText + "\n");
                Files.writeString(out.resolve("evaluation.md"), markdown);
            }
            spec.commandLine().getOut().println(json ? jsonText : markdown);
        }
        return 0;
    }
}
