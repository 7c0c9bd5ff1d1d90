package org.campaignrl.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.StateSpace;

/**
 * A log source that adds the customers to what another one aggregated, read from the generator's userbase (UTF-8,
 * commas, no quotes) with the codes of the cells' state space: what the CSV engine hands over once it keeps
 * customers (the storage work of issue 14), for the driving side's tests meanwhile. Customers whose domain the cells
 * never saw are left out, as the engine leaves out rows it rejects.
 */
final class CustomersBeside implements CampaignLogSource {
    private final CampaignLogSource cells;

    CustomersBeside(CampaignLogSource cells) {
        this.cells = cells;
    }

    @Override
    public AggregatedLogs aggregate(LogFiles files, SendSplit split, Path rejectsReport, ProgressListener progress) {
        AggregatedLogs logs = cells.aggregate(files, split, rejectsReport, progress);
        if (!logs.customers().isEmpty()) {
            return logs;
        }
        StateSpace space = logs.cells().space();
        DatasetCustomers.Builder customers = DatasetCustomers.builder(1024);
        try (BufferedReader reader = Files.newBufferedReader(files.userbase(), StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] user = line.split(",");
                int domain = space.domainCode(Binning.emailDomain(user[3].strip()));
                if (domain < 0) {
                    continue;
                }
                customers.add(Integer.parseInt(user[0].strip()), Binning.tenureCode(Integer.parseInt(user[5].strip())),
                        domain, Binning.ageCode(Integer.parseInt(user[4].strip())), Binning.genderCode(user[1].strip()),
                        Binning.typeCode(user[2].strip()), user[3].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs.withCustomers(customers.build());
    }
}
