package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.RejectedRowsUseCase.RejectedRows;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;

/** The data page: the latest ingest's account of every row, and the ingest being watched. */
public record DataPageView(
        Latest latest,
        JobBox job,
        String defaultFolder,
        String problem,
        List<String[]> rejectedRows,
        String rejectedRowsNote) {

    public record Latest(
            long id,
            String created,
            String sends,
            String responded,
            String dateRange,
            String split,
            String rejectsReport,
            List<FileRow> files,
            List<RejectionRow> rejections) {}

    public record FileRow(String file, String rowsRead, String accepted, String rejected, String readAs) {}

    public record RejectionRow(String file, String reason, String rows) {}

    static DataPageView of(
            DatasetSummary latest, JobView job, String defaultFolder, String problem, RejectedRows rejected) {
        List<String[]> rows = rejected == null
                ? List.of()
                : rejected.rows().stream()
                        .map(r -> new String[] {r.file(), Long.toString(r.line()), r.field(), r.reason(), r.value()})
                        .toList();
        String note = rejected == null || rejected.total() == 0
                ? null
                : rows.size() == rejected.total()
                        ? "All " + Format.count(rejected.total()) + " rejected rows:"
                        : rows.isEmpty()
                                ? "The report " + rejected.report() + " is no longer there."
                                : "The first " + Format.count(rows.size()) + " of " + Format.count(rejected.total())
                                        + " rejected rows (all in " + rejected.report() + "):";
        return new DataPageView(
                latest == null ? null : latest(latest),
                job == null ? null : JobBox.of(job),
                defaultFolder,
                problem,
                rows,
                note);
    }

    private static Latest latest(DatasetSummary dataset) {
        var s = dataset.summary();
        List<FileRow> files = new ArrayList<>();
        List<RejectionRow> rejections = new ArrayList<>();
        for (FileSummary file : s.files()) {
            files.add(new FileRow(
                    file.file(),
                    Format.count(file.rowsRead()),
                    Format.count(file.accepted()),
                    Format.count(file.rejected()),
                    file.describeFormat()));
            for (Map.Entry<String, Long> reason : file.rejectedByReason().entrySet()) {
                rejections.add(new RejectionRow(file.file(), reason.getKey(), Format.count(reason.getValue())));
            }
        }
        String range = s.firstSendDate() == null ? "–" : s.firstSendDate() + " to " + s.lastSendDate();
        return new Latest(
                dataset.id(),
                Format.when(dataset.createdAt()),
                Format.count(s.sends()),
                Format.count(s.respondedSends()),
                range,
                dataset.split().describe(),
                s.rejectsReport(),
                files,
                rejections);
    }
}
