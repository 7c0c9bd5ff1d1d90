package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthFileTest {
    private static final StateSpace SPACE = new StateSpace(
            new int[] {1, 2, 3}, List.of("aol.com", "comcast.net", "gmail.com", "hotmail.com", "msn.com", "yahoo.com"));

    @Test
    void reads_a_probability_for_every_cell_of_the_bundled_sample() throws Exception {
        double[] truth = TruthFile.probabilities(Path.of("sample", "truth.json"), SPACE);

        for (double p : truth) {
            assertFalse(Double.isNaN(p));
        }
        // The last line of the bundled file: "3,6,6,5,4,1,1": 0.05572440
        assertEquals(0.05572440, truth[SPACE.indexOfVector(new int[] {3, 6, 6, 5, 4, 1, 1})], 1e-12);
    }

    @Test
    void maps_domains_by_name_when_the_dataset_has_other_domains(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("truth.json");
        Files.writeString(
                file,
                "{\n  \"domains\": [\"b.com\", \"z.com\"],\n  \"cells\": {\n"
                        + "    \"7,0,0,1,0,0,0\": 0.25,\n    \"7,0,0,0,0,0,0\": 0.5\n  }\n}\n");
        StateSpace space = new StateSpace(new int[] {7}, List.of("a.com", "b.com", "z.com"));

        double[] truth = TruthFile.probabilities(file, space);

        assertEquals(0.25, truth[space.indexOfVector(new int[] {7, 0, 0, 2, 0, 0, 0})]);
        assertEquals(0.5, truth[space.indexOfVector(new int[] {7, 0, 0, 1, 0, 0, 0})]);
        assertEquals(Double.NaN, truth[space.indexOfVector(new int[] {7, 0, 0, 0, 0, 0, 0})]);
    }

    @Test
    void refuses_a_file_that_is_not_a_truth_file(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("x.json"), "{\"hello\": 1}\n");
        assertThrows(IllegalArgumentException.class, () -> TruthFile.probabilities(file, SPACE));
    }
}
