package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** truth.json is valid JSON and says what the model says. */
class TruthJsonTest {
    @TempDir
    static Path dir;

    static Map<String, Object> truth;
    static Map<String, Object> cells;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void generate() throws IOException {
        new CampaignLogGenerator(new GeneratorSettings(100, 3)).writeTo(dir, GenerationProgress.NONE);
        truth = (Map<String, Object>) MiniJson.parse(Files.readString(dir.resolve(CampaignLogGenerator.TRUTH)));
        cells = (Map<String, Object>) truth.get("cells");
    }

    @Test
    void hasOneProbabilityPerCellOfTheStateSpace() {
        assertEquals(3 * 7 * 7 * 6 * 5 * 2 * 2, cells.size());
        assertEquals(List.of(1.0, 2.0, 3.0), truth.get("subjectIds"));
        assertEquals(Population.DOMAINS, truth.get("domains"));
        StateSpace space = new StateSpace(new int[] {1, 2, 3}, Population.DOMAINS);
        int[] vector = space.vectorOf(12_345);
        String key = String.join(
                ",", java.util.Arrays.stream(vector).mapToObj(Integer::toString).toList());
        assertEquals(ResponseModel.DEFAULT.probability(vector), (Double) cells.get(key), 1e-8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void plantedSegmentCellsConvertFarAboveTheBase() {
        // subject 2, Saturday, gmail.com, consumer; tenure 5-10, aged 25-34, female
        double planted = (Double) cells.get("2,5,1,2,2,0,1");
        // the same customers on Friday: no segment
        double unplanted = (Double) cells.get("2,4,1,2,2,0,1");
        double base = 1 / (1 + Math.exp(-ResponseModel.DEFAULT.base(2)));
        assertTrue(planted > 0.40 && planted < 0.65, "planted cell " + planted);
        assertTrue(planted > unplanted + 0.25, planted + " vs " + unplanted);
        assertTrue(planted > 4 * base, planted + " vs base " + base);

        List<Object> segments = (List<Object>) ((Map<String, Object>) truth.get("model")).get("segments");
        assertEquals(ResponseModel.DEFAULT.segments().size(), segments.size());
        Map<String, Object> first = (Map<String, Object>) segments.get(0);
        assertEquals(Map.of("subject_id", 2.0, "day", 5.0, "domain_code", 2.0, "type", 1.0), first.get("when"));
        assertEquals(70.0, first.get("cells"));
    }

    @Test
    void everyPlantedCellConvertsAtAbout35To65PercentAndNoOtherCellComesClose() {
        StateSpace space = new StateSpace(new int[] {1, 2, 3}, Population.DOMAINS);
        double[] p = ResponseModel.DEFAULT.probabilities(space);
        double bestOther = 0;
        int planted = 0;
        for (int state = 0; state < space.size(); state++) {
            int[] vector = space.vectorOf(state);
            if (ResponseModel.DEFAULT.segments().stream().anyMatch(s -> s.matches(vector))) {
                planted++;
                assertTrue(p[state] > 0.34 && p[state] < 0.67, "planted cell " + state + ": " + p[state]);
            } else {
                bestOther = Math.max(bestOther, p[state]);
            }
        }
        assertEquals(70 + 10 + 28 + 70, planted);
        assertTrue(bestOther < 0.31, "best unplanted cell " + bestOther);
    }

    @Test
    void statesTheExpectedRate() {
        StateSpace space = new StateSpace(new int[] {1, 2, 3}, Population.DOMAINS);
        assertEquals(
                ResponseModel.DEFAULT.expectedRespondedSendRate(space),
                (Double) truth.get("expectedRespondedSendRate"),
                1e-8);
    }
}
