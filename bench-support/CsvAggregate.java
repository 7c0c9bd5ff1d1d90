import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.campaignrl.application.port.ProgressListener;

/**
 * The like-for-like counterpart of DuckDbAggregate: the application's own CSV ingest engine aggregates
 * the same three logs into cells, in a fresh JVM, without storing them (the `ingest` command also opens
 * and writes the database). Prints "cells N sends S responded R".
 *
 * <p>Benchmark-only: compiled and run by ./bench against the executable jar.
 * Usage: java -cp campaign-rl.jar:CLASSES CsvAggregate DATA_DIR
 */
public final class CsvAggregate {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path rejects = Files.createTempFile("bench-rejects", ".csv");
        try {
            AggregatedLogs logs = new CsvCampaignLogSource().aggregate(new LogFiles(dir.resolve("sent_emails.csv"),
                    dir.resolve("responded.csv"), dir.resolve("userbase.csv")), SendSplit.NONE, rejects,
                    ProgressListener.NONE);
            System.out.println("cells " + logs.cells().nonEmptyCount() + " sends " + logs.cells().totalSends()
                    + " responded " + logs.cells().totalResponses());
        } finally {
            Files.deleteIfExists(rejects);
        }
    }
}
