package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.campaignrl.adapters.csv.fastpath.LogFile;
import org.campaignrl.adapters.csv.fastpath.Row;
import org.campaignrl.adapters.csv.fastpath.RowHandler;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.IsoDates;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.logs.Reasons;
import org.campaignrl.application.model.SendSplit;

/**
 * Checks each send, joins it to its customer and to the responses, and counts it into its cell. One per
 * part of the file, merged at the end. This runs once per row of the largest file: nothing here keeps a
 * row, allocates or boxes a number.
 */
final class SendRows implements RowHandler {
    private final Customers customers;
    private final Responses responses;
    private final CellCounter cells;
    private final SendSplit split;
    private final int sentDate;
    private final int customerId;
    private final int subjectLineId;

    // Which responded pairs this part saw an accepted send of, to count those no send matched: per customer
    // the bits of its subjects 0..30 (see Customers.subjectBit), the pairs of any other subject as pairs. The
    // customers keep the bits themselves when their ids are dense (Customers.keepsSentPairs); otherwise the
    // current customer's bits gather in pendingSent and go to the map when the customer changes.
    private final Int2IntOpenHashMap sentSubjects = new Int2IntOpenHashMap();
    private final LongOpenHashSet otherPairsSentTo = new LongOpenHashSet();
    private int pendingCustomer;
    private int pendingSent;
    // Sends come grouped by customer: the last customer looked up is often the next one.
    private int lastCustomer;
    private long lastEntry = Customers.NOT_FOUND;
    private long sends;
    private long respondedSends;
    private long firstEpochDay = Long.MAX_VALUE;
    private long lastEpochDay = Long.MIN_VALUE;

    private SendRows(LogFile file, Customers customers, Responses responses, SendSplit split, CellCounter cells) {
        this.split = split;
        this.customers = customers;
        this.responses = responses;
        this.cells = cells;
        sentDate = file.column(LogColumns.SENT_DATE);
        customerId = file.column(LogColumns.CUSTOMER_ID);
        subjectLineId = file.column(LogColumns.SUBJECT_LINE_ID);
    }

    /**
     * Makes the handler of each part. {@link LogFile#forEachRow} asks for part 0 whenever a reading of the
     * file starts (again, after the fast path gave way), so part 0 starts a new count of distinct subjects,
     * which the parts share: the state space is bounded by all of them together.
     */
    static IntFunction<SendRows> parts(
            LogFile file, Customers customers, Responses responses, SendSplit split, int splitParts) {
        return new IntFunction<>() {
            private CellCounter.Subjects subjects;

            @Override
            public SendRows apply(int part) {
                if (part == 0) {
                    subjects = new CellCounter.Subjects(customers.domainCount());
                    customers.clearSent();
                }
                return new SendRows(
                        file,
                        customers,
                        responses,
                        split,
                        new CellCounter(customers.domainCount(), splitParts, subjects));
            }
        };
    }

    @Override
    public void accept(Row row) {
        long epochDay = row.epochDay(sentDate);
        if (epochDay == IsoDates.NOT_A_DATE) {
            row.reject(sentDate, Reasons.BAD_DATE);
            return;
        }
        long customer = row.integer(customerId);
        if (customer == Ints.NOT_AN_INT) {
            row.reject(customerId, Reasons.NON_INTEGER_ID);
            return;
        }
        long subject = row.integer(subjectLineId);
        if (subject == Ints.NOT_AN_INT) {
            row.reject(subjectLineId, Reasons.NON_INTEGER_ID);
            return;
        }
        long entry = (int) customer == lastCustomer && lastEntry != Customers.NOT_FOUND
                ? lastEntry
                : customers.entry((int) customer);
        lastCustomer = (int) customer;
        lastEntry = entry;
        int customerCodes = Customers.codes(entry);
        if (customerCodes == Customers.NOT_FOUND) {
            row.reject(customerId, Reasons.CUSTOMER_NOT_IN_USERBASE);
            return;
        }
        // Exact from the customer's own bits for subject ids 0..30; any other subject shares one bit, so its
        // pair is looked up among the responded pairs.
        int subjectBit = Customers.subjectBit((int) subject);
        boolean responded = (Customers.respondedSubjects(entry) & subjectBit) != 0
                && (subjectBit != Customers.OTHER_SUBJECTS
                        || responses.responded(Responses.pair((int) subject, (int) customer)));
        int part =
                split.holdsOut((int) subject, (int) customer, epochDay) ? CellCounter.HELD_OUT : CellCounter.TRAINING;
        if (!cells.count(part, (int) subject, IsoDates.dayCode(epochDay), customerCodes, responded)) {
            throw row.refuse("more than " + cells.subjectCount()
                    + " distinct SubjectLine_ID values: the audience space would be too large");
        }
        if (responded) {
            markSent((int) customer, (int) subject, subjectBit);
            respondedSends++;
        }
        sends++;
        firstEpochDay = Math.min(firstEpochDay, epochDay);
        lastEpochDay = Math.max(lastEpochDay, epochDay);
    }

    private void markSent(int customer, int subject, int subjectBit) {
        if (subjectBit == Customers.OTHER_SUBJECTS) {
            otherPairsSentTo.add(Responses.pair(subject, customer));
            return;
        }
        if (customers.keepsSentPairs()) {
            // one access by the customer's index: in random order the map below costs two probes per send
            customers.markSent(customer, subjectBit);
            return;
        }
        if (customer != pendingCustomer) {
            flushSent();
            pendingCustomer = customer;
        }
        pendingSent |= subjectBit;
    }

    private void flushSent() {
        if (pendingSent != 0) {
            sentSubjects.put(pendingCustomer, sentSubjects.get(pendingCustomer) | pendingSent);
            pendingSent = 0;
        }
    }

    /** Adds the counts of a later part of the file to this one's. */
    void add(SendRows later) {
        cells.add(later.cells);
        flushSent();
        later.flushSent();
        for (Int2IntMap.Entry sent : later.sentSubjects.int2IntEntrySet()) {
            sentSubjects.put(sent.getIntKey(), sentSubjects.get(sent.getIntKey()) | sent.getIntValue());
        }
        otherPairsSentTo.addAll(later.otherPairsSentTo);
        sends += later.sends;
        respondedSends += later.respondedSends;
        firstEpochDay = Math.min(firstEpochDay, later.firstEpochDay);
        lastEpochDay = Math.max(lastEpochDay, later.lastEpochDay);
    }

    /** The counts of all the parts, in the first one. */
    static SendRows merge(List<SendRows> parts) {
        SendRows all = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            all.add(parts.get(p));
        }
        return all;
    }

    CellCounter cells() {
        return cells;
    }

    long sends() {
        return sends;
    }

    long respondedSends() {
        return respondedSends;
    }

    /** How many responded pairs no accepted send matched. */
    long pairsWithoutSend() {
        flushSent();
        long sentTo = otherPairsSentTo.size() + (customers.keepsSentPairs() ? customers.sentPairs() : 0);
        for (int subjects : sentSubjects.values()) {
            sentTo += Integer.bitCount(subjects);
        }
        return responses.distinctPairs() - sentTo;
    }

    /** The earliest accepted send date, or null when none was accepted. */
    LocalDate firstSendDate() {
        return sends == 0 ? null : LocalDate.ofEpochDay(firstEpochDay);
    }

    LocalDate lastSendDate() {
        return sends == 0 ? null : LocalDate.ofEpochDay(lastEpochDay);
    }
}
