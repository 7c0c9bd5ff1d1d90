package org.campaignrl.adapters.web;

import io.javalin.config.RoutesConfig;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.port.in.RunsUseCase;
import org.campaignrl.application.port.in.RunsUseCase.RecentRunsCommand;

/**
 * {@code GET /api/v1/runs}: the recent ingests and trainings, whoever started them (the CLI, a job, scheduled
 * retraining) and however they ended; one whose process died is failed, as interrupted, when storage is next opened.
 */
final class RunsApi {
    private RunsApi() {}

    static void register(RoutesConfig routes, RunsUseCase runs) {
        Route.RUNS.register(routes, ctx -> {
            Fields query = new Fields(ctx::queryParam);
            int limit = query.text("limit") == null ? RecentRunsCommand.DEFAULT_LIMIT : query.requiredInt("limit");
            ctx.json(runs.recentRuns(new RecentRunsCommand(limit)).stream()
                    .map(RunJson::of)
                    .toList());
        });
    }

    /** {@code finishedAt} and {@code resultId} are null until the run has ended, and succeeded. */
    record RunJson(
            long id,
            String kind,
            String status,
            String subject,
            String host,
            long pid,
            String startedAt,
            String finishedAt,
            Long resultId,
            String message) {
        static RunJson of(Run run) {
            return new RunJson(
                    run.id(),
                    run.kind().name(),
                    run.status().name(),
                    run.subject(),
                    run.owner().host(),
                    run.owner().pid(),
                    run.startedAt().toString(),
                    run.finishedAt().map(Object::toString).orElse(null),
                    run.resultId().orElse(null),
                    run.message());
        }
    }
}
