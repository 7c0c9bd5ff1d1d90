package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split ingest puts every accepted send in exactly one part, by the split's rule, over one state space. */
class SendSplitIngestTest {
    private static final Path SAMPLE = Path.of("..", "data", "sample");
    private static final LogFiles FILES = new LogFiles(
            SAMPLE.resolve("sent_emails.csv"), SAMPLE.resolve("responded.csv"), SAMPLE.resolve("userbase.csv"));

    @TempDir
    Path folder;

    @Test
    void a_split_by_date_puts_march_in_the_held_out_part_and_loses_no_send() {
        Cells all = aggregate(SendSplit.NONE).cells();
        AggregatedLogs split = aggregate(SendSplit.byDate(LocalDate.of(2016, 3, 1)));
        Cells training = split.cells();
        Cells heldOut = split.heldOutCells().orElseThrow();

        assertEquals(all.space(), heldOut.space());
        assertPartsAddUp(all, training, heldOut);
        assertTrue(
                heldOut.totalSends() > 0.2 * all.totalSends() && heldOut.totalSends() < 0.45 * all.totalSends(),
                heldOut.totalSends() + " of " + all.totalSends());
    }

    @Test
    void a_random_pair_split_holds_out_about_its_share_and_is_the_same_every_time() {
        Cells all = aggregate(SendSplit.NONE).cells();
        AggregatedLogs split = aggregate(SendSplit.randomPairs(0.2, 7));
        Cells heldOut = split.heldOutCells().orElseThrow();

        assertPartsAddUp(all, split.cells(), heldOut);
        double share = (double) heldOut.totalSends() / all.totalSends();
        assertEquals(0.2, share, 0.02);
        assertEquals(
                heldOut, aggregate(SendSplit.randomPairs(0.2, 7)).heldOutCells().orElseThrow());
        assertTrue(!heldOut.equals(
                aggregate(SendSplit.randomPairs(0.2, 8)).heldOutCells().orElseThrow()));
    }

    @Test
    void without_a_split_there_is_no_held_out_part() {
        AggregatedLogs logs = aggregate(SendSplit.NONE);
        assertTrue(logs.heldOutCells().isEmpty());
        assertEquals(SendSplit.NONE, logs.split());
        assertEquals(logs.summary().sends(), logs.cells().totalSends());
    }

    private static void assertPartsAddUp(Cells all, Cells training, Cells heldOut) {
        StateSpace space = all.space();
        for (int state = 0; state < space.size(); state++) {
            assertEquals(all.sends(state), training.sends(state) + heldOut.sends(state));
            assertEquals(all.responses(state), training.responses(state) + heldOut.responses(state));
        }
    }

    private AggregatedLogs aggregate(SendSplit split) {
        return new CsvCampaignLogSource().aggregate(FILES, split, folder.resolve("rejects.csv"), ProgressListener.NONE);
    }
}
