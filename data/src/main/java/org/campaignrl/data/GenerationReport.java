package org.campaignrl.data;

import java.nio.file.Path;

/**
 * What one generation wrote.
 *
 * @param customers                  rows of userbase.csv
 * @param sends                      rows of sent_emails.csv
 * @param responseRows               rows of responded.csv, repeats included
 * @param pairs                      (customer, subject) pairs with at least one send
 * @param respondedPairs             pairs that responded
 * @param respondedSends             sends of responded pairs: what the aggregation counts as responded
 * @param expectedRespondedSendRate  the model's expectation of {@code respondedSends / sends}
 */
public record GenerationReport(
        long customers,
        long sends,
        long responseRows,
        long pairs,
        long respondedPairs,
        long respondedSends,
        double expectedRespondedSendRate) {

    public double respondedSendRate() {
        return sends == 0 ? 0 : (double) respondedSends / sends;
    }

    public double sendsPerCustomer() {
        return (double) sends / customers;
    }

    /** One line for people: how many customers, sends and response rows were written to {@code folder}. */
    public String summary(Path folder) {
        return String.format("Wrote %,d customers, %,d sends and %,d response rows to %s", customers, sends,
                responseRows, folder);
    }
}
