package org.campaignrl.adapters.web;

import java.util.List;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.application.port.in.ServingStatusUseCase.ServingStatus;

/** What the home page shows, already formatted: the template only lays it out. */
public record HomeView(Dataset dataset, Model model, List<FileRow> files, List<ModelRow> models) {
    public record Dataset(
            long id,
            String created,
            String sends,
            String responded,
            String baseRate,
            String customers,
            String dateRange,
            String rejectedRows,
            String subjects,
            String domains,
            String cells) {}

    public record Model(
            long id,
            String created,
            long datasetId,
            String training,
            String convergence,
            String epsilon,
            String alpha,
            String gamma,
            String maxSteps,
            String seed,
            String targetRate,
            String minSends,
            String rewardFactor,
            String trainingGoalRate) {}

    public record FileRow(String file, String rowsRead, String accepted, String rejected) {}

    public record ModelRow(long id, String created, long datasetId, String training, boolean active) {}

    public boolean serving() {
        return model != null;
    }

    static HomeView of(ServingStatus status) {
        DatasetSummary dataset =
                status.activeDataset().or(status::latestDataset).orElse(null);
        return new HomeView(
                dataset == null ? null : dataset(dataset),
                status.activeModel().map(HomeView::model).orElse(null),
                dataset == null
                        ? List.of()
                        : dataset.summary().files().stream().map(HomeView::file).toList(),
                status.models().stream()
                        .map(m -> new ModelRow(
                                m.id(),
                                Format.when(m.createdAt()),
                                m.datasetId(),
                                m.hyperparameters().length(),
                                m.active()))
                        .toList());
    }

    private static Dataset dataset(DatasetSummary dataset) {
        IngestSummary s = dataset.summary();
        String range = s.firstSendDate() == null ? "–" : s.firstSendDate() + " to " + s.lastSendDate();
        return new Dataset(
                dataset.id(),
                Format.when(dataset.createdAt()),
                Format.count(s.sends()),
                Format.count(s.respondedSends()),
                Format.percent(s.baseRate()),
                Format.count(s.customers()),
                range,
                Format.count(s.rowsRejected()),
                dataset.subjectIds().toString(),
                String.join(", ", dataset.domains()),
                Format.count(dataset.nonEmptyCells()) + " of " + Format.count(dataset.states()));
    }

    private static Model model(ModelSummary m) {
        var h = m.hyperparameters();
        var r = m.rewardRule();
        return new Model(
                m.id(),
                Format.when(m.createdAt()),
                m.datasetId(),
                h.length(),
                ConvergenceSummary.of(m.metrics()).inWords(),
                Format.number(h.epsilon()),
                Format.number(h.alpha()),
                Format.number(h.gamma()),
                Format.count(h.maxSteps()),
                Long.toString(h.seed()),
                Format.percent(r.targetRate()),
                Format.count(r.minSends()),
                Format.number(r.rewardFactor()),
                Format.percent(m.trainingGoalRate()));
    }

    private static FileRow file(FileSummary f) {
        return new FileRow(
                f.file(), Format.count(f.rowsRead()), Format.count(f.accepted()), Format.count(f.rejected()));
    }
}
