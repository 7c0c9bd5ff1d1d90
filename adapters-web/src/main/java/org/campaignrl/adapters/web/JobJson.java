package org.campaignrl.adapters.web;

import org.campaignrl.application.port.in.JobsUseCase.JobView;

/** A background job as the API shows it. */
record JobJson(
        long id,
        String kind,
        String state,
        String stage,
        long done,
        long total,
        double fraction,
        String submitted,
        String finished,
        long resultId,
        String outcome) {

    static JobJson of(JobView job) {
        return new JobJson(
                job.id(),
                job.kind().name(),
                job.state().name(),
                job.stage(),
                job.done(),
                job.total(),
                job.fraction(),
                job.submitted().toString(),
                job.finished() == null ? null : job.finished().toString(),
                job.resultId(),
                job.outcome());
    }
}
