package org.campaignrl.adapters.csv;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.domain.Binning;

/**
 * Checks each send, joins it to its customer and to the responses, and counts it into its cell.
 * This runs once per row of the largest file: nothing here keeps a row or boxes a number.
 */
final class SendRows implements Consumer<Row> {
    static final String SENT_DATE = "Sent_Date";
    static final String CUSTOMER_ID = "Customer_ID";
    static final String SUBJECT_LINE_ID = "SubjectLine_ID";
    static final List<String> COLUMNS = List.of(SENT_DATE, CUSTOMER_ID, SUBJECT_LINE_ID);

    private final LogFile file;
    private final Customers customers;
    private final Responses responses;
    private final CellCounter cells;
    private final SendSplit split;
    private final int sentDate;
    private final int customerId;
    private final int subjectLineId;

    private long sends;
    private long respondedSends;
    private long firstEpochDay = Long.MAX_VALUE;
    private long lastEpochDay = Long.MIN_VALUE;

    SendRows(LogFile file, Customers customers, Responses responses, SendSplit split, CellCounter cells) {
        this.split = split;
        this.file = file;
        this.customers = customers;
        this.responses = responses;
        this.cells = cells;
        sentDate = file.column(SENT_DATE);
        customerId = file.column(CUSTOMER_ID);
        subjectLineId = file.column(SUBJECT_LINE_ID);
    }

    @Override
    public void accept(Row row) {
        LocalDate sent = IsoDates.parse(row.get(sentDate));
        if (sent == null) {
            row.reject(sentDate, Reasons.BAD_DATE);
            return;
        }
        long customer = Ints.parse(row.get(customerId));
        if (customer == Ints.NOT_AN_INT) {
            row.reject(customerId, Reasons.NON_INTEGER_ID);
            return;
        }
        long subject = Ints.parse(row.get(subjectLineId));
        if (subject == Ints.NOT_AN_INT) {
            row.reject(subjectLineId, Reasons.NON_INTEGER_ID);
            return;
        }
        int customerCodes = customers.codes((int) customer);
        if (customerCodes == Customers.NOT_FOUND) {
            row.reject(customerId, Reasons.CUSTOMER_NOT_IN_USERBASE);
            return;
        }
        if (!cells.hasRoomFor((int) subject)) {
            throw file.refusal(row.line(), "more than " + cells.subjectCount()
                    + " distinct SubjectLine_ID values: the audience space would be too large");
        }
        boolean responded = responses.matchSend((int) subject, (int) customer);
        long epochDay = sent.toEpochDay();
        boolean heldOut = split.holdsOut((int) subject, (int) customer, epochDay);
        cells.count(heldOut ? CellCounter.HELD_OUT : CellCounter.TRAINING, (int) subject, Binning.dayCode(sent),
                customerCodes, responded);
        sends++;
        if (responded) {
            respondedSends++;
        }
        firstEpochDay = Math.min(firstEpochDay, epochDay);
        lastEpochDay = Math.max(lastEpochDay, epochDay);
    }

    long sends() {
        return sends;
    }

    long respondedSends() {
        return respondedSends;
    }

    /** The earliest accepted send date, or null when none was accepted. */
    LocalDate firstSendDate() {
        return sends == 0 ? null : LocalDate.ofEpochDay(firstEpochDay);
    }

    LocalDate lastSendDate() {
        return sends == 0 ? null : LocalDate.ofEpochDay(lastEpochDay);
    }
}
