package org.campaignrl.application.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * The ingest at its plainest, for application tests that need real customers: the generator's layout (UTF-8,
 * commas, no quotes), every row well formed, no split. A send counts when its customer is in the userbase, lands
 * in the cell of its subject, weekday and the customer's profile, and is responded when its (customer, subject)
 * pair responded, whatever the dates — the rules of the CSV adapter, without its checks and speed. Keeps the
 * customers with their addresses, and accounts for the sends and responded pairs (no file summaries).
 */
public final class SimpleLogSource implements CampaignLogSource {

    /**
     * The three logs of a folder under their usual names, every send for training, the rejects report beside
     * them as {@code rejectsName}.
     */
    public static AggregatedLogs readFolder(Path dir, String rejectsName) {
        return new SimpleLogSource()
                .aggregate(
                        new LogFiles(
                                dir.resolve("sent_emails.csv"),
                                dir.resolve("responded.csv"),
                                dir.resolve("userbase.csv")),
                        SendSplit.NONE,
                        dir.resolve(rejectsName),
                        ProgressListener.NONE);
    }

    @Override
    public AggregatedLogs aggregate(LogFiles files, SendSplit split, Path rejectsReport, ProgressListener progress) {
        if (!split.isNone()) {
            throw new UnsupportedOperationException("no held-out split here");
        }
        try {
            List<String[]> users = rows(files.userbase());
            TreeSet<String> domains = new TreeSet<>();
            for (String[] user : users) {
                domains.add(Binning.emailDomain(user[3]));
            }
            List<String[]> sends = rows(files.sentEmails());
            TreeSet<Integer> subjects = new TreeSet<>();
            for (String[] send : sends) {
                subjects.add(Integer.parseInt(send[2]));
            }
            StateSpace space =
                    new StateSpace(subjects.stream().mapToInt(Integer::intValue).toArray(), new ArrayList<>(domains));
            DatasetCustomers.Builder customers = DatasetCustomers.builder(users.size());
            Map<Integer, int[]> profiles = new HashMap<>();
            for (String[] user : users) {
                int id = Integer.parseInt(user[0]);
                int[] codes = {
                    Binning.tenureCode(Integer.parseInt(user[5])),
                    space.domainCode(Binning.emailDomain(user[3])),
                    Binning.ageCode(Integer.parseInt(user[4])),
                    Binning.genderCode(user[1]),
                    Binning.typeCode(user[2])
                };
                profiles.put(id, codes);
                customers.add(id, codes[0], codes[1], codes[2], codes[3], codes[4], user[3]);
            }
            Set<Long> responded = new HashSet<>();
            for (String[] response : rows(files.responded())) {
                responded.add(pair(Integer.parseInt(response[1]), Integer.parseInt(response[2])));
            }
            long[] sent = new long[space.size()];
            long[] answered = new long[space.size()];
            Set<Long> matched = new HashSet<>();
            long accepted = 0;
            long respondedSends = 0;
            LocalDate first = null;
            LocalDate last = null;
            for (String[] send : sends) {
                int customer = Integer.parseInt(send[1]);
                int subject = Integer.parseInt(send[2]);
                int[] codes = profiles.get(customer);
                if (codes == null) {
                    continue;
                }
                LocalDate date = LocalDate.parse(send[0]);
                int state = space.indexOfCodes(
                        space.subjectCode(subject),
                        Binning.dayCode(date),
                        codes[0],
                        codes[1],
                        codes[2],
                        codes[3],
                        codes[4]);
                sent[state]++;
                accepted++;
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
                if (responded.contains(pair(customer, subject))) {
                    answered[state]++;
                    respondedSends++;
                    matched.add(pair(customer, subject));
                }
            }
            IngestSummary summary = new IngestSummary(
                    List.of(),
                    users.size(),
                    accepted,
                    respondedSends,
                    responded.size(),
                    responded.size() - matched.size(),
                    first,
                    last,
                    rejectsReport.toString());
            return new AggregatedLogs(new Cells(space, sent, answered), summary).withCustomers(customers.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pair(int customer, int subject) {
        return (long) customer << 32 | subject;
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Arrays.stream(line.split(",")).map(String::strip).toArray(String[]::new));
                }
            }
        }
        return rows;
    }
}
