package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.campaignrl.adapters.csv.fastpath.LogFile;
import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.adapters.csv.fastpath.RejectSink;
import org.campaignrl.adapters.csv.fastpath.Row;
import org.campaignrl.adapters.csv.fastpath.RowHandler;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.IsoDates;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignOutcomeReader;

/**
 * What became of open plans' customers in newly ingested logs: one pass over sent_emails.csv and one over
 * responded.csv, read as the ingest reads them (the same format detection, the fast path in parts on all cores,
 * Commons CSV where it must), every plan looked for at once. A row whose date, customer or subject does not parse,
 * or whose values are not the header's number or not UTF-8, is skipped, as the ingest rejects it; the rejects report
 * is the ingest's and is not written again. Memory: a bit per planned customer per plan and per part of a file
 * being read, and the plans' ids; nothing per row.
 *
 * <p>Not skipped: a row of a customer the new userbase lacks, which the ingest rejects. The reader does not read the
 * userbase (the port says so), and a planned customer is one the plan's own dataset held.
 */
public final class CsvCampaignOutcomeReader implements CampaignOutcomeReader {
    private static final RejectSink NOWHERE = (file, line, field, reason, value) -> {};

    private final PartedReader.Settings settings;

    public CsvCampaignOutcomeReader() {
        this(PartedReader.Settings.DEFAULT);
    }

    /** With other cuts of the files into parts: for the tests, which cut tiny files into many. */
    CsvCampaignOutcomeReader(PartedReader.Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<PlanOutcome> read(
            CampaignLogSource.LogFiles files, List<PlannedSends> plans, ProgressListener progress) {
        ProgressListener listener = Objects.requireNonNullElse(progress, ProgressListener.NONE);
        PlansBySubject index = new PlansBySubject(plans);
        BitSet[] sent = mark(files.sentEmails(), LogColumns.SENT, LogColumns.SENT_DATE, files, index, listener);
        BitSet[] responded =
                mark(files.responded(), LogColumns.RESPONDED, LogColumns.RESPONDED_DATE, files, index, listener);
        List<PlanOutcome> outcomes = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            outcomes.add(new PlanOutcome(plans.get(i).planId(), sent[i], responded[i]));
        }
        return outcomes;
    }

    /** The bits of one file, each part's ORed together. */
    private BitSet[] mark(
            Path path,
            List<String> columns,
            String dateColumn,
            CampaignLogSource.LogFiles files,
            PlansBySubject index,
            ProgressListener listener) {
        BitSet[] marked = index.emptyBits();
        if (index.isEmpty()) {
            return marked;
        }
        try (LogFile file = LogFile.open(path, columns, files.format())) {
            for (OutcomeRows part :
                    file.forEachRow(NOWHERE, listener, settings, p -> new OutcomeRows(file, dateColumn, index))) {
                for (int i = 0; i < marked.length; i++) {
                    marked[i].or(part.marked[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + path + " failed: " + e.getMessage(), e);
        }
        return marked;
    }

    /** The plans by subject id, with their first days and customers; shared, read only, by every part. */
    private static final class PlansBySubject {
        private static final int[] NONE = {};
        private final Int2ObjectOpenHashMap<int[]> bySubject = new Int2ObjectOpenHashMap<>();
        private final long[] fromDays;
        private final int[][] customerIds;

        PlansBySubject(List<PlannedSends> plans) {
            fromDays = new long[plans.size()];
            customerIds = new int[plans.size()][];
            Int2ObjectOpenHashMap<IntArrayList> gathering = new Int2ObjectOpenHashMap<>();
            for (int i = 0; i < plans.size(); i++) {
                PlannedSends plan = plans.get(i);
                fromDays[i] = plan.from().toEpochDay();
                // The record hands out its own array: read only here.
                customerIds[i] = plan.customerIds();
                gathering
                        .computeIfAbsent(plan.subjectId(), s -> new IntArrayList())
                        .add(i);
            }
            gathering
                    .int2ObjectEntrySet()
                    .fastForEach(e -> bySubject.put(e.getIntKey(), e.getValue().toIntArray()));
            bySubject.defaultReturnValue(NONE);
        }

        boolean isEmpty() {
            return bySubject.isEmpty();
        }

        int[] plansOf(int subjectId) {
            return bySubject.get(subjectId);
        }

        BitSet[] emptyBits() {
            BitSet[] bits = new BitSet[customerIds.length];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = new BitSet(customerIds[i].length);
            }
            return bits;
        }
    }

    /** One part's marks: the planned customers its rows showed, per plan. */
    private static final class OutcomeRows implements RowHandler {
        private final PlansBySubject plans;
        private final BitSet[] marked;
        private final int date;
        private final int customerId;
        private final int subjectLineId;

        OutcomeRows(LogFile file, String dateColumn, PlansBySubject plans) {
            this.plans = plans;
            this.marked = plans.emptyBits();
            date = file.column(dateColumn);
            customerId = file.column(LogColumns.CUSTOMER_ID);
            subjectLineId = file.column(LogColumns.SUBJECT_LINE_ID);
        }

        @Override
        public void accept(Row row) {
            long subject = row.integer(subjectLineId);
            if (subject == Ints.NOT_AN_INT) {
                return;
            }
            int[] planned = plans.plansOf((int) subject);
            if (planned.length == 0) {
                return;
            }
            long customer = row.integer(customerId);
            long day = row.epochDay(date);
            if (customer == Ints.NOT_AN_INT || day == IsoDates.NOT_A_DATE) {
                return;
            }
            for (int plan : planned) {
                if (day >= plans.fromDays[plan]) {
                    int position = Arrays.binarySearch(plans.customerIds[plan], (int) customer);
                    if (position >= 0) {
                        marked[plan].set(position);
                    }
                }
            }
        }
    }
}
