package org.campaignrl.adapters.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.ServingStatusQuery.DatasetSummary;
import org.campaignrl.application.port.in.ServingStatusQuery.ServingStatus;

/** What the home page shows, already formatted: the template only lays it out. */
public record HomeView(Dataset dataset, Model model, List<FileRow> files, List<ModelRow> models) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public record Dataset(long id, String created, String sends, String responded, String baseRate, String customers,
                          String dateRange, String rejectedRows, String subjects, String domains, String cells) {
    }

    public record Model(long id, String created, long datasetId, String episodes, String epsilon, String alpha,
                        String gamma, String maxSteps, String seed, String targetRate, String minSends,
                        String rewardFactor, String trainingGoalRate) {
    }

    public record FileRow(String file, String rowsRead, String accepted, String rejected) {
    }

    public record ModelRow(long id, String created, long datasetId, String episodes, boolean active) {
    }

    public boolean serving() {
        return model != null;
    }

    static HomeView of(ServingStatus status) {
        DatasetSummary dataset = status.activeDataset().or(status::latestDataset).orElse(null);
        return new HomeView(
                dataset == null ? null : dataset(dataset),
                status.activeModel().map(HomeView::model).orElse(null),
                dataset == null ? List.of() : dataset.summary().files().stream().map(HomeView::file).toList(),
                status.models().stream().map(m -> new ModelRow(m.id(), WHEN.format(m.createdAt()), m.datasetId(),
                        count(m.hyperparameters().episodes()), m.active())).toList());
    }

    private static Dataset dataset(DatasetSummary dataset) {
        IngestSummary s = dataset.summary();
        String range = s.firstSendDate() == null ? "–" : s.firstSendDate() + " to " + s.lastSendDate();
        return new Dataset(dataset.id(), WHEN.format(dataset.createdAt()), count(s.sends()), count(s.respondedSends()),
                percent(s.baseRate()), count(s.customers()), range, count(s.rowsRejected()),
                dataset.subjectIds().toString(), String.join(", ", dataset.domains()),
                count(dataset.nonEmptyCells()) + " of " + count(dataset.states()));
    }

    private static Model model(ModelSummary m) {
        var h = m.hyperparameters();
        var r = m.rewardRule();
        return new Model(m.id(), WHEN.format(m.createdAt()), m.datasetId(), count(h.episodes()), number(h.epsilon()),
                number(h.alpha()), number(h.gamma()), count(h.maxSteps()), Long.toString(h.seed()),
                percent(r.targetRate()), count(r.minSends()), number(r.rewardFactor()), percent(m.trainingGoalRate()));
    }

    private static FileRow file(FileSummary f) {
        return new FileRow(f.file(), count(f.rowsRead()), count(f.accepted()), count(f.rejected()));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
