package org.campaignrl.application.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignOutcomeReader;

/**
 * The outcome reader's contract at its plainest, for application tests and as the reference the CSV adapter is
 * checked against: UTF-8, comma-separated files with a header naming the date, Customer_ID and SubjectLine_ID
 * columns (the generator's layout); a row that does not parse is skipped. One pass over each file.
 */
public final class SimpleOutcomeReader implements CampaignOutcomeReader {

    @Override
    public List<PlanOutcome> read(
            CampaignLogSource.LogFiles files, List<PlannedSends> plans, ProgressListener progress) {
        List<BitSet> sent = new ArrayList<>();
        List<BitSet> responded = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            sent.add(new BitSet(plans.get(i).customerIds().length));
            responded.add(new BitSet(plans.get(i).customerIds().length));
        }
        mark(files.sentEmails(), "Sent_Date", plans, sent);
        mark(files.responded(), "Responded_Date", plans, responded);
        List<PlanOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            outcomes.add(new PlanOutcome(plans.get(i).planId(), sent.get(i), responded.get(i)));
        }
        return outcomes;
    }

    private static void mark(Path file, String dateColumn, List<PlannedSends> plans, List<BitSet> bits) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return;
            }
            List<String> names = Arrays.asList(header.strip().split(","));
            int date = names.indexOf(dateColumn);
            int customer = names.indexOf("Customer_ID");
            int subject = names.indexOf("SubjectLine_ID");
            if (date < 0 || customer < 0 || subject < 0) {
                throw new IllegalArgumentException(
                        file + ": header lacks " + dateColumn + ", Customer_ID or SubjectLine_ID");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.strip().split(",");
                if (fields.length != names.size()) {
                    continue;
                }
                try {
                    LocalDate day = LocalDate.parse(fields[date]);
                    int customerId = Integer.parseInt(fields[customer]);
                    int subjectId = Integer.parseInt(fields[subject]);
                    for (int i = 0; i < plans.size(); i++) {
                        PlannedSends plan = plans.get(i);
                        if (plan.subjectId() == subjectId && !day.isBefore(plan.from())) {
                            int position = plan.positionOf(customerId);
                            if (position >= 0) {
                                bits.get(i).set(position);
                            }
                        }
                    }
                } catch (NumberFormatException | DateTimeParseException skipped) {
                    // as the ingest rejects it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
