package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.ServingStatusQuery.DatasetSummary;

/** The data page: the latest ingest's account of every row, and the ingest being watched. */
public record DataPageView(Latest latest, JobBox job, String defaultFolder, String problem) {

    public record Latest(long id, String created, String sends, String responded, String dateRange, String split,
                         String rejectsReport, List<FileRow> files, List<RejectionRow> rejections) {
    }

    public record FileRow(String file, String rowsRead, String accepted, String rejected) {
    }

    public record RejectionRow(String file, String reason, String rows) {
    }

    static DataPageView of(DatasetSummary latest, JobView job, String defaultFolder, String problem) {
        return new DataPageView(latest == null ? null : latest(latest), job == null ? null : JobBox.of(job),
                defaultFolder, problem);
    }

    private static Latest latest(DatasetSummary dataset) {
        var s = dataset.summary();
        List<FileRow> files = new ArrayList<>();
        List<RejectionRow> rejections = new ArrayList<>();
        for (FileSummary file : s.files()) {
            files.add(new FileRow(file.file(), Format.count(file.rowsRead()), Format.count(file.accepted()),
                    Format.count(file.rejected())));
            for (Map.Entry<String, Long> reason : file.rejectedByReason().entrySet()) {
                rejections.add(new RejectionRow(file.file(), reason.getKey(), Format.count(reason.getValue())));
            }
        }
        String range = s.firstSendDate() == null ? "–" : s.firstSendDate() + " to " + s.lastSendDate();
        return new Latest(dataset.id(), Format.when(dataset.createdAt()), Format.count(s.sends()),
                Format.count(s.respondedSends()), range, dataset.split().describe(), s.rejectsReport(), files, rejections);
    }
}
