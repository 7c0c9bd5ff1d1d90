package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.memory.SimpleLogSource;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankAudiencesCommand;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankedAudience;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankedAudiences;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.campaignrl.domain.ranking.RankingMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audience finder's figures on a dataset that kept its customers: real sizes, and no more emails than them. */
class RankAudiencesServiceTest {
    private static final long EMAILS = 10_000;

    @TempDir
    static Path tmp;

    private static AggregatedLogs logs;

    private final InMemoryStorage storage = new InMemoryStorage();
    private final RankAudiencesService finder =
            new RankAudiencesService(new ActiveModel(storage.models(), storage.datasets()), storage.datasets());

    @BeforeAll
    static void generate() throws IOException {
        new CampaignLogGenerator(new GeneratorSettings(3_000, 2)).writeTo(tmp, GenerationProgress.NONE);
        logs = SimpleLogSource.readFolder(tmp, "r.csv");
    }

    private RankedAudiences rank() {
        return finder.rank(new RankAudiencesCommand(2, RankingMethod.HELD_OUT_BEST, 10, 0.95, null, 20, EMAILS, 2));
    }

    @Test
    void audiencesOfADatasetWithCustomersHaveTheirSizesAndExpectNoMoreThanTheyCanBeSent() {
        assertTrue(logs.customers().size() > 0);
        storage.datasets().save(logs, Fixtures.NOW);
        RankedAudiences ranked = rank();

        assertFalse(ranked.cells().isEmpty());
        assertFalse(ranked.segments().isEmpty());
        for (RankedAudience audience : concat(ranked)) {
            assertTrue(audience.customers() >= 0, audience.toString());
            assertTrue(audience.customers() <= logs.customers().size(), audience.toString());
            long reachable = Math.min(EMAILS, audience.customers());
            assertEquals(reachable * audience.conversion(), audience.expectedResponses(), 1e-6, audience.toString());
            assertTrue(audience.expectedUpper() <= reachable + 1e-9, audience.toString());
        }
        // A cell of 3 000 customers' logs holds far fewer than 10 000: its figure is for its members only.
        RankedAudience top = ranked.cells().get(0);
        assertTrue(top.customers() < EMAILS, top.toString());
        assertTrue(top.expectedResponses() < top.customers() + 1e-9, top.toString());
    }

    @Test
    void aDatasetWithoutCustomersSaysItsSizesAreUnknownAndScalesToTheEmails() {
        storage.datasets().save(logs.withCustomers(DatasetCustomers.none()), Fixtures.NOW);
        for (RankedAudience audience : concat(rank())) {
            assertEquals(-1, audience.customers(), audience.toString());
            assertEquals(EMAILS * audience.conversion(), audience.expectedResponses(), 1e-6, audience.toString());
        }
    }

    private static java.util.List<RankedAudience> concat(RankedAudiences ranked) {
        java.util.List<RankedAudience> all = new java.util.ArrayList<>(ranked.cells());
        all.addAll(ranked.segments());
        return all;
    }
}
