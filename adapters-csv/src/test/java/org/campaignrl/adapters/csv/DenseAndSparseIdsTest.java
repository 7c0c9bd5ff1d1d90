package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers whose ids fill their range are kept in an array indexed by id, others in a hash map
 * ({@link Customers#freeze}): the hand-made dataset of {@link CsvCampaignLogSourceTest}, as it is (ids 1..13) and
 * with every id spread 100 000 apart, aggregates to the same cells and the same account of every row.
 */
class DenseAndSparseIdsTest {
    @TempDir
    Path folder;

    @Test
    void sparseIdsAggregateAsDenseOnesDo() throws IOException {
        AggregatedLogs dense = aggregate("dense", 1);
        AggregatedLogs sparse = aggregate("sparse", 100_000);

        assertEquals(dense.summary().sends(), sparse.summary().sends());
        assertEquals(dense.summary().respondedSends(), sparse.summary().respondedSends());
        assertEquals(dense.summary().distinctResponsePairs(), sparse.summary().distinctResponsePairs());
        assertEquals(
                dense.summary().responsePairsWithoutSend(), sparse.summary().responsePairsWithoutSend());
        assertEquals(dense.summary().customers(), sparse.summary().customers());
        assertEquals(dense.summary().rowsRejected(), sparse.summary().rowsRejected());
        Cells a = dense.cells();
        Cells b = sparse.cells();
        assertEquals(a.space().size(), b.space().size());
        long[] sendsA = new long[a.space().size()];
        long[] sendsB = new long[b.space().size()];
        long[] respondedA = new long[a.space().size()];
        long[] respondedB = new long[b.space().size()];
        for (int state = 0; state < sendsA.length; state++) {
            sendsA[state] = a.sends(state);
            sendsB[state] = b.sends(state);
            respondedA[state] = a.responses(state);
            respondedB[state] = b.responses(state);
        }
        assertArrayEquals(sendsA, sendsB);
        assertArrayEquals(respondedA, respondedB);
        assertEquals(1, dense.summary().responsePairsWithoutSend(), "the hand-made set has one such pair");
    }

    private AggregatedLogs aggregate(String name, int spread) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(name));
        Path sent = write(dir.resolve("sent_emails.csv"), spreadIds(CsvCampaignLogSourceTest.SENT, 1, spread));
        Path responded = write(dir.resolve("responded.csv"), spreadIds(CsvCampaignLogSourceTest.RESPONDED, 1, spread));
        Path userbase = write(dir.resolve("userbase.csv"), spreadIds(CsvCampaignLogSourceTest.USERBASE, 0, spread));
        return new CsvCampaignLogSource()
                .aggregate(
                        new LogFiles(sent, responded, userbase, CsvFormat.DETECT),
                        SendSplit.NONE,
                        dir.resolve("rejects.csv"),
                        ProgressListener.NONE);
    }

    /** Multiplies the id in column {@code column} of every line where it is a small integer. */
    private static String spreadIds(String csv, int column, int spread) {
        StringBuilder out = new StringBuilder();
        Pattern id = Pattern.compile(
                column == 0 ? "^(\uFEFF?)(\\d{1,3})(,)" : "^([^,\\r\\n]*,)(\\d{1,3})(,)", Pattern.MULTILINE);
        Matcher m = id.matcher(csv);
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(m.group(1) + Long.parseLong(m.group(2)) * spread + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }
}
