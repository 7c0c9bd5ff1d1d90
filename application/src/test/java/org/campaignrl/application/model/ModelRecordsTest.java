package org.campaignrl.application.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRecordsTest {

    @Test
    void aFileSummaryMustAccountForEveryRowRead() {
        FileSummary summary = new FileSummary("sent_emails.csv", 10, 7, Map.of("bad date", 2L, "unknown customer", 1L));
        assertEquals(3, summary.rejected());
        assertThrows(
                IllegalArgumentException.class,
                () -> new FileSummary("sent_emails.csv", 10, 7, Map.of("bad date", 2L)));
    }

    @Test
    void aFileSummaryListsReasonsSortedAndCannotBeChanged() {
        Map<String, Long> reasons = new HashMap<>(Map.of("b", 1L, "a", 1L));
        FileSummary summary = new FileSummary("f.csv", 2, 0, reasons);
        reasons.put("c", 5L);
        assertEquals(List.of("a", "b"), List.copyOf(summary.rejectedByReason().keySet()));
        assertThrows(
                UnsupportedOperationException.class,
                () -> summary.rejectedByReason().put("z", 1L));
    }

    @Test
    void anIngestSummaryAddsUpItsFiles() {
        IngestSummary summary = new IngestSummary(
                List.of(
                        new FileSummary("sent_emails.csv", 10, 8, Map.of("bad date", 2L)),
                        new FileSummary("userbase.csv", 5, 5, Map.of())),
                5,
                8,
                2,
                2,
                0,
                LocalDate.of(2016, 1, 4),
                LocalDate.of(2016, 2, 1),
                "rejected_rows.csv");
        assertEquals(15, summary.rowsRead());
        assertEquals(2, summary.rowsRejected());
        assertEquals(0.25, summary.baseRate());
    }

    @Test
    void theBaseRateOfNoSendsIsZero() {
        assertEquals(0.0, new IngestSummary(List.of(), 0, 0, 0, 0, 0, null, null, "").baseRate());
    }
}
