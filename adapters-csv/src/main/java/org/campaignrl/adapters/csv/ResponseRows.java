package org.campaignrl.adapters.csv;

import org.campaignrl.adapters.csv.fastpath.LogFile;
import org.campaignrl.adapters.csv.fastpath.Row;
import org.campaignrl.adapters.csv.fastpath.RowHandler;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.IsoDates;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.logs.Reasons;

/**
 * Checks each response row and keeps the distinct (subject, customer) pairs. A repeated response is
 * accepted and counted once; the response date only has to be a date. One per part of the file.
 */
final class ResponseRows implements RowHandler {
    private final Customers customers;
    private final Responses responses = new Responses();
    private final int respondedDate;
    private final int customerId;
    private final int subjectLineId;

    ResponseRows(LogFile file, Customers customers) {
        this.customers = customers;
        respondedDate = file.column(LogColumns.RESPONDED_DATE);
        customerId = file.column(LogColumns.CUSTOMER_ID);
        subjectLineId = file.column(LogColumns.SUBJECT_LINE_ID);
    }

    Responses responses() {
        return responses;
    }

    @Override
    public void accept(Row row) {
        if (row.epochDay(respondedDate) == IsoDates.NOT_A_DATE) {
            row.reject(respondedDate, Reasons.BAD_DATE);
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
        if (customers.codes((int) customer) == Customers.NOT_FOUND) {
            row.reject(customerId, Reasons.CUSTOMER_NOT_IN_USERBASE);
            return;
        }
        responses.record((int) subject, (int) customer);
    }
}
