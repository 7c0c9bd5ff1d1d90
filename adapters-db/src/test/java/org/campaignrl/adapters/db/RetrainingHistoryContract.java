package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.model.RetrainingDecision.Outcome;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.junit.jupiter.api.Test;

/** What any {@link RetrainingHistory} must do; one subclass per adapter (in memory, H2, PostgreSQL). */
abstract class RetrainingHistoryContract extends RepositoryTest {

    private RetrainingHistory history() {
        return storage.retrainingHistory();
    }

    private static RetrainingDecision decision(Outcome outcome, Long dataset, Long candidate, Long active, int second) {
        return new RetrainingDecision(
                0,
                Instant.parse("2024-06-01T02:00:00.123456Z").plusSeconds(second),
                outcome,
                Optional.ofNullable(dataset),
                Optional.ofNullable(candidate),
                Optional.ofNullable(active),
                outcome + " because: figures ünïcödé, 'quoted', " + second);
    }

    @Test
    void decisionsComeBackNewestFirstWithTheirIdsAndMissingIds() {
        assertEquals(List.of(), history().recent(10));
        RetrainingDecision first = decision(Outcome.ACTIVATED, 1L, 1L, null, 0);
        RetrainingDecision second = decision(Outcome.KEPT, 2L, 2L, 1L, 1);
        RetrainingDecision third = decision(Outcome.FAILED, null, null, 1L, 2);

        long firstId = history().record(first);
        long secondId = history().record(second);
        long thirdId = history().record(third);

        assertEquals(
                List.of(third.withId(thirdId), second.withId(secondId), first.withId(firstId)),
                history().recent(10));
        assertEquals(List.of(third.withId(thirdId)), history().recent(1));
        assertEquals(List.of(), history().recent(0));
    }
}
