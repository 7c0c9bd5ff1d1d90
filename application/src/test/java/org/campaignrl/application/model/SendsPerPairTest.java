package org.campaignrl.application.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SendsPerPairTest {
    private static IngestSummary summary(long respondedSends, long pairs, long pairsWithoutSend) {
        return new IngestSummary(List.of(), 10, 100, respondedSends, pairs, pairsWithoutSend, null, null, "");
    }

    @Test
    void theRespondedSendsOverThePairsASendMatched() {
        assertEquals(2.5, summary(50, 25, 5).sendsPerRespondingPair().orElseThrow(), 1e-12);
        assertTrue(summary(0, 0, 0).sendsPerRespondingPair().isEmpty(), "nobody responded");
        assertTrue(summary(0, 3, 3).sendsPerRespondingPair().isEmpty(), "responses, but to nothing sent");
        assertTrue(summary(1, 5, 0).sendsPerRespondingPair().isEmpty(), "an inconsistent summary says nothing");
    }
}
