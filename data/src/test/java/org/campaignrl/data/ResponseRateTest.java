package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a mid-size run the logs convert as the model says, once aggregated the way the app does. */
class ResponseRateTest {
    @TempDir
    static Path dir;

    static GenerationReport report;
    static Cells cells;
    static double[] truth;

    @BeforeAll
    static void generate() throws IOException {
        report = new CampaignLogGenerator(new GeneratorSettings(100_000, 5)).writeTo(dir, GenerationProgress.NONE);
        cells = LogCells.aggregate(dir);
        truth = ResponseModel.DEFAULT.probabilities(cells.space());
    }

    @Test
    void theRespondedSendRateIsTheModelsExpectation() {
        assertEquals(0.105, report.expectedRespondedSendRate(), 0.005);
        assertEquals(report.expectedRespondedSendRate(), report.respondedSendRate(), 0.004);
        assertEquals(report.sends(), cells.totalSends());
        assertEquals(report.respondedSends(), cells.totalResponses());
    }

    @Test
    void thereIsAboutOneResponseRowPerSevenSends() {
        assertEquals(7.0, (double) report.sends() / report.responseRows(), 0.4);
    }

    @Test
    void eachPlantedSegmentConvertsAsItsCellsSay() {
        StateSpace space = cells.space();
        for (ResponseModel.Segment segment : ResponseModel.DEFAULT.segments()) {
            long sends = 0;
            long responded = 0;
            double expected = 0;
            for (int state = 0; state < space.size(); state++) {
                if (segment.matches(space.vectorOf(state))) {
                    sends += cells.sends(state);
                    responded += cells.responses(state);
                    expected += cells.sends(state) * truth[state];
                }
            }
            assertTrue(sends > 300, segment.name() + ": " + sends + " sends");
            double conversion = (double) responded / sends;
            // all sends of a pair respond together, which inflates the variance by E[k²]/E[k] ≈ 2.65
            // (k, sends per pair, zero-truncated Poisson with mean 1.65); allow four standard errors
            double tolerance = 4 * Math.sqrt(0.25 * 2.65 / sends);
            assertEquals(expected / sends, conversion, tolerance, segment.name());
        }
    }
}
