package org.campaignrl.adapters.web;

import java.util.Locale;
import org.campaignrl.application.port.in.JobsUseCase.JobView;

/** A job's progress as first drawn on a page; app.js keeps it live from there. */
public record JobBox(long id, String kind, String state, double fraction, String text, boolean finished) {

    static JobBox of(JobView job) {
        String text = job.finishedRunning()
                ? job.state().name().toLowerCase(Locale.ROOT) + ": " + job.outcome()
                : job.stage() + " " + Math.round(job.fraction() * 100) + " %";
        return new JobBox(
                job.id(),
                job.kind().name().toLowerCase(Locale.ROOT),
                job.state().name(),
                job.fraction(),
                text,
                job.finishedRunning());
    }
}
