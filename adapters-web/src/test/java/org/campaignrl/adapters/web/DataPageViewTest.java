package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.CsvFormat.EncodingChoice;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.junit.jupiter.api.Test;

class DataPageViewTest {

    @Test
    void eachFileSaysWhatItWasReadWithOrThatThatIsNotRecorded() {
        IngestSummary summary = new IngestSummary(
                List.of(
                        new FileSummary(
                                "userbase.csv",
                                3,
                                3,
                                Map.of(),
                                new CsvFormat.Used("windows-1252", EncodingChoice.NOT_UTF8, ';', false)),
                        new FileSummary(
                                "responded.csv",
                                2,
                                2,
                                Map.of(),
                                new CsvFormat.Used("UTF-16LE", EncodingChoice.GIVEN, '\t', true)),
                        new FileSummary("sent_emails.csv", 3, 3, Map.of())),
                3,
                3,
                1,
                2,
                1,
                null,
                null,
                "rejected_rows.csv");
        DatasetSummary dataset = new DatasetSummary(
                1, Instant.parse("2016-03-01T10:00:00Z"), summary, 0, 0, List.of(), List.of(), SendSplit.NONE);

        DataPageView view = DataPageView.of(dataset, null, "/data", null, null);

        assertEquals(
                List.of(
                        "windows-1252 (fallback: not valid UTF-8), delimiter ';' (detected)",
                        "UTF-16LE (given), delimiter tab (given)",
                        "not recorded"),
                view.latest().files().stream().map(DataPageView.FileRow::readAs).toList());
    }
}
