package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.RewardRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** data/sample is what data/README.md says regenerates it, and the default learning setup has goals in it. */
class BundledSampleTest {
    static final Path SAMPLE = Path.of("sample");
    static final GeneratorSettings SAMPLE_SETTINGS = new GeneratorSettings(40_000, 42);
    static final Path SAMPLE_CELLS = Path.of("target", "sample-cells.csv");

    @Test
    void theSampleIsExactlyWhatItsSettingsGenerate(@TempDir Path tmp) throws IOException {
        new CampaignLogGenerator(SAMPLE_SETTINGS).writeTo(tmp, GenerationProgress.NONE);
        long total = 0;
        for (String file : List.of(
                CampaignLogGenerator.USERBASE,
                CampaignLogGenerator.SENT_EMAILS,
                CampaignLogGenerator.RESPONDED,
                CampaignLogGenerator.TRUTH)) {
            assertEquals(
                    -1,
                    Files.mismatch(tmp.resolve(file), SAMPLE.resolve(file)),
                    file + " differs: regenerate the sample as data/README.md says");
            total += Files.size(SAMPLE.resolve(file));
        }
        assertTrue(total < 8_000_000, "the sample stays under 8 MB: " + total);
    }

    /**
     * Also writes target/sample-cells.csv, the sample aggregated by {@link LogCells} in the export
     * layout, to cross-check verify-aggregation.sh (see {@link #verifyAggregationScriptAgrees}).
     */
    @Test
    void theSampleHasGoalCellsForTheDefaultRewardRule() throws IOException {
        Cells cells = LogCells.aggregate(SAMPLE);
        assertEquals(cells.nonEmptyCount(), LogCells.writeExport(cells, SAMPLE_CELLS));
        long goals = 0;
        for (int state = 0; state < cells.space().size(); state++) {
            if (RewardRule.DEFAULT.isGoal(cells.sends(state), cells.responses(state))) {
                goals++;
            }
        }
        assertTrue(goals >= 36, goals + " goal cells");
    }

    /** Needs psql and the local PostgreSQL: run with VERIFY_AGGREGATION=1. */
    @Test
    @EnabledIfEnvironmentVariable(named = "VERIFY_AGGREGATION", matches = "1")
    void verifyAggregationScriptAgrees() throws Exception {
        theSampleHasGoalCellsForTheDefaultRewardRule();
        Process script = new ProcessBuilder("bash", "verify-aggregation.sh", SAMPLE.toString(), SAMPLE_CELLS.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, script.waitFor(), output);
        assertTrue(output.startsWith("cells match: "), output);
    }
}
