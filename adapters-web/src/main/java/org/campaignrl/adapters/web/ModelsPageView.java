package org.campaignrl.adapters.web;

import java.util.List;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.ServingStatusQuery.ServingStatus;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;

/** The models page: every version, the training form with its defaults, and the job being watched. */
public record ModelsPageView(List<Row> models, Defaults defaults, JobBox job, String problem) {

    public record Row(long id, String created, long datasetId, String episodes, String epsilon, String alpha,
                      String gamma, String seed, String targetRate, String minSends, String trainingGoalRate,
                      boolean active) {
    }

    /** The form's starting values: the documented defaults. */
    public record Defaults(int episodes, String epsilon, String alpha, String gamma, int maxSteps, long seed,
                           String targetRate, long minSends, String rewardFactor) {
    }

    static ModelsPageView of(ServingStatus status, JobView job, String problem) {
        TrainModelCommand d = TrainModelCommand.defaults();
        Defaults defaults = new Defaults(d.episodes(), Format.number(d.epsilon()), Format.number(d.alpha()),
                Format.number(d.gamma()), d.maxSteps(), d.seed(), Format.number(d.targetRate()), d.minSends(),
                Format.number(d.rewardFactor()));
        return new ModelsPageView(status.models().stream().map(ModelsPageView::row).toList(), defaults,
                job == null ? null : JobBox.of(job), problem);
    }

    private static Row row(ModelSummary m) {
        var h = m.hyperparameters();
        return new Row(m.id(), Format.when(m.createdAt()), m.datasetId(), Format.count(h.episodes()),
                Format.number(h.epsilon()), Format.number(h.alpha()), Format.number(h.gamma()), Long.toString(h.seed()),
                Format.percent(m.rewardRule().targetRate()), Format.count(m.rewardRule().minSends()),
                Format.percent(m.trainingGoalRate()), m.active());
    }
}
