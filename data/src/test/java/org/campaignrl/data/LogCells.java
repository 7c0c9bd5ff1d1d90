package org.campaignrl.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * Test-side aggregation of the three logs into cells, written independently of the production
 * ingest and of verify-aggregation.sh: responses de-duplicated per (subject, customer), every send of
 * a responded pair counted as responded, sends to unknown customers dropped.
 */
final class LogCells {
    private LogCells() {}

    static Cells aggregate(Path dir) throws IOException {
        Map<Integer, int[]> customers =
                new HashMap<>(); // id → {tenure, domain index into domainNames, age, gender, type}
        List<String> domainNames = new ArrayList<>(new TreeSet<>(domainsOf(dir)));
        for (String[] row : rows(dir.resolve(CampaignLogGenerator.USERBASE))) {
            customers.put(Integer.parseInt(row[0]), new int[] {
                Binning.tenureCode(Integer.parseInt(row[5])),
                domainNames.indexOf(Binning.emailDomain(row[3])),
                Binning.ageCode(Integer.parseInt(row[4])),
                Binning.genderCode(row[1]),
                Binning.typeCode(row[2])
            });
        }
        Set<Long> respondedPairs = new HashSet<>();
        for (String[] row : rows(dir.resolve(CampaignLogGenerator.RESPONDED))) {
            respondedPairs.add(pair(Integer.parseInt(row[2]), Integer.parseInt(row[1])));
        }
        List<String[]> sends = rows(dir.resolve(CampaignLogGenerator.SENT_EMAILS));
        StateSpace space = new StateSpace(
                sends.stream()
                        .mapToInt(row -> Integer.parseInt(row[2]))
                        .distinct()
                        .toArray(),
                domainNames);
        long[] sent = new long[space.size()];
        long[] responded = new long[space.size()];
        for (String[] row : sends) {
            int customerId = Integer.parseInt(row[1]);
            int subjectId = Integer.parseInt(row[2]);
            int[] c = customers.get(customerId);
            if (c == null) {
                continue;
            }
            int state = space.indexOfVector(
                    new int[] {subjectId, Binning.dayCode(LocalDate.parse(row[0])), c[0], c[1], c[2], c[3], c[4]});
            sent[state]++;
            if (respondedPairs.contains(pair(subjectId, customerId))) {
                responded[state]++;
            }
        }
        return new Cells(space, sent, responded);
    }

    /** Writes cells in the export layout, sorted by its first seven columns; returns the rows written. */
    static long writeExport(Cells cells, Path out) throws IOException {
        StateSpace space = cells.space();
        List<int[]> rows = new ArrayList<>();
        for (int state = 0; state < space.size(); state++) {
            if (cells.sends(state) > 0) {
                int[] v = space.vectorOf(state); // subject_id, day, tenure, domain, age, gender, type
                rows.add(new int[] {
                    v[0], v[5], v[6], v[3], v[2], v[4], v[1], (int) cells.responses(state), (int) cells.sends(state)
                });
            }
        }
        rows.sort((a, b) -> java.util.Arrays.compare(a, 0, 7, b, 0, 7));
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,Response_Received,"
                    + "Sent_Emails\n");
            for (int[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == 0 ? "" : ",").append(row[i]);
                }
                w.write(line.append('\n').toString());
            }
        }
        return rows.size();
    }

    static List<String[]> rows(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static Set<String> domainsOf(Path dir) throws IOException {
        Set<String> domains = new HashSet<>();
        for (String[] row : rows(dir.resolve(CampaignLogGenerator.USERBASE))) {
            domains.add(Binning.emailDomain(row[3]));
        }
        return domains;
    }

    private static long pair(int subjectId, int customerId) {
        return ((long) subjectId << 32) | (customerId & 0xffffffffL);
    }
}
