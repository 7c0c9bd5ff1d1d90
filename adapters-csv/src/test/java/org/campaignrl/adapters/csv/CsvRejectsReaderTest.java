package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.model.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRejectsReaderTest {
    @TempDir
    Path folder;

    @Test
    void reads_back_what_the_ingest_wrote_up_to_the_limit_even_with_commas_and_quotes() throws Exception {
        Path report = folder.resolve("rejects.csv");
        try (RejectsReport writer = RejectsReport.create(report)) {
            writer.reject("userbase.csv", 3, "Gender", "unknown gender code", "X");
            writer.reject("sent_emails.csv", 17, "Sent_Date", "bad date", "2016-02-30, \"late\"");
            writer.reject("sent_emails.csv", 18, "", "wrong column count", "2 values, the header has 3");
        }

        List<RejectedRow> rows = new CsvRejectsReader().firstRows(report, 2);

        assertEquals(
                List.of(
                        new RejectedRow("userbase.csv", 3, "Gender", "unknown gender code", "X"),
                        new RejectedRow("sent_emails.csv", 17, "Sent_Date", "bad date", "2016-02-30, \"late\"")),
                rows);
    }

    @Test
    void a_report_that_is_gone_reads_as_empty() {
        assertEquals(List.of(), new CsvRejectsReader().firstRows(folder.resolve("gone.csv"), 10));
    }
}
