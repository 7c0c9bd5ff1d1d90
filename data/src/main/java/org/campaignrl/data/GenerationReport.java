package org.campaignrl.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What one generation wrote.
 *
 * @param customers                  rows of userbase.csv
 * @param sends                      rows of sent_emails.csv
 * @param responseRows               rows of responded.csv, repeats included
 * @param pairs                      (customer, subject) pairs with at least one send
 * @param respondedPairs             pairs that responded
 * @param respondedSends             sends of responded pairs: what the aggregation counts as responded
 * @param responders                 customers with at least one response row
 * @param expectedRespondedSendRate  the model's expectation of {@code respondedSends / sends}
 */
public record GenerationReport(
        long customers,
        long sends,
        long responseRows,
        long pairs,
        long respondedPairs,
        long respondedSends,
        long responders,
        double expectedRespondedSendRate) {

    public double respondedSendRate() {
        return sends == 0 ? 0 : (double) respondedSends / sends;
    }

    public double responderShare() {
        return (double) responders / customers;
    }

    public double responseRowsPerResponder() {
        return responders == 0 ? 0 : (double) responseRows / responders;
    }

    public double sendsPerCustomer() {
        return (double) sends / customers;
    }

    /**
     * One line for people: how many customers, sends and response rows were written to {@code folder}, in which
     * row order, and how many of the customers responded.
     */
    public String summary(Path folder, LogShape.RowOrder order) {
        return String.format(
                Locale.ROOT,
                "Wrote %,d customers, %,d sends and %,d response rows to %s (%s order,"
                        + " %.1f %% of the customers responders, %.2f response rows per responder)",
                customers,
                sends,
                responseRows,
                folder,
                order.name().toLowerCase(Locale.ROOT),
                100 * responderShare(),
                responseRowsPerResponder());
    }
}
