package org.campaignrl.data;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The shape of the logs, beside their size and seed: the order of the rows, how many sends a customer gets, and
 * how many customers respond and how often. {@link #GENERATOR} is the generator's own shape (grouped by customer,
 * ~10 % responders); {@link #REAL_SHAPED} that of a real export measured once (issue 16).
 *
 * @param order                    how the rows of each file are ordered
 * @param sendsPerCustomer         mean sends per customer (0.01 … 30): each of the 3 subject lines gets
 *                                 Poisson(sendsPerCustomer / 3) sends, capped at 13
 * @param responderShare           when present, the expected share of customers with at least one response row
 *                                 (0 … 1, exclusive): every base of the response model is moved by one logit
 *                                 offset, solved for exactly, and truth.json holds the moved model; when empty
 *                                 the model as it is
 * @param responseRowsPerResponder when present, the expected response rows of a responding customer, repeats
 *                                 included (at least its expected responded sends): each responded send is
 *                                 answered 1 + a truncated geometric number of times, of the mean this needs; when
 *                                 empty a second answer with probability 0.30 and a third with 0.05
 */
public record LogShape(
        RowOrder order,
        double sendsPerCustomer,
        OptionalDouble responderShare,
        OptionalDouble responseRowsPerResponder) {

    /** How each file's rows follow one another (the header stays first). */
    public enum RowOrder {
        /** One customer after another, ascending ids; each customer's sends and responses in date order. */
        GROUPED,
        /** A uniformly random permutation of each file's rows, drawn from the seed. */
        RANDOM;

        /** RANDOM or GROUPED, any case. */
        public static RowOrder parse(String text) {
            for (RowOrder order : values()) {
                if (order.name().equalsIgnoreCase(text.trim())) {
                    return order;
                }
            }
            throw new IllegalArgumentException("row order must be grouped or random: " + text);
        }
    }

    public static final double DEFAULT_SENDS_PER_CUSTOMER = 4.96;
    public static final double MAX_SENDS_PER_CUSTOMER = 30;

    public static final LogShape GENERATOR =
            new LogShape(RowOrder.GROUPED, DEFAULT_SENDS_PER_CUSTOMER, OptionalDouble.empty(), OptionalDouble.empty());

    /**
     * A real export (issue 16): 840 773 customers ({@link GeneratorSettings#REAL_SHAPED_CUSTOMERS}), 2.48 M sends,
     * 0.94 M response rows, 34 % of the customers responders, rows in no useful order.
     */
    public static final LogShape REAL_SHAPED =
            new LogShape(RowOrder.RANDOM, 2.95, OptionalDouble.of(0.34), OptionalDouble.of(3.29));

    public LogShape {
        if (order == null) {
            throw new IllegalArgumentException("row order is required");
        }
        if (!(sendsPerCustomer >= 0.01 && sendsPerCustomer <= MAX_SENDS_PER_CUSTOMER)) {
            throw new IllegalArgumentException("sends per customer must be within 0.01.." + (int) MAX_SENDS_PER_CUSTOMER
                    + ": " + sendsPerCustomer);
        }
        responderShare.ifPresent(share -> {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("the share of responders must be above 0 and below 1: " + share);
            }
        });
        responseRowsPerResponder.ifPresent(rows -> {
            if (!(rows >= 1 && rows <= 1000)) {
                throw new IllegalArgumentException("response rows per responder must be within 1..1000: " + rows);
            }
        });
    }

    public LogShape withOrder(RowOrder newOrder) {
        return new LogShape(newOrder, sendsPerCustomer, responderShare, responseRowsPerResponder);
    }

    public LogShape withSendsPerCustomer(double sends) {
        return new LogShape(order, sends, responderShare, responseRowsPerResponder);
    }

    public LogShape withResponderShare(double share) {
        return new LogShape(order, sendsPerCustomer, OptionalDouble.of(share), responseRowsPerResponder);
    }

    public LogShape withResponseRowsPerResponder(double rows) {
        return new LogShape(order, sendsPerCustomer, responderShare, OptionalDouble.of(rows));
    }

    /** Mean of the Poisson law of one (customer, subject) pair's sends, before the cap. */
    double sendsPerPair(int subjects) {
        return sendsPerCustomer / subjects;
    }

    /** For truth.json and the CLI's summary. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s order, %s sends per customer, responders %s, response rows per" + " responder %s",
                order.name().toLowerCase(Locale.ROOT),
                sendsPerCustomer,
                responderShare.isPresent() ? Double.toString(responderShare.getAsDouble()) : "as the model",
                responseRowsPerResponder.isPresent()
                        ? Double.toString(responseRowsPerResponder.getAsDouble())
                        : "as the model");
    }
}
