package org.campaignrl.data;

import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/**
 * Turns a {@link LogShape}'s targets into the generator's parameters, by exact expectations over the population
 * (every combination of the five customer attributes with its share, every set of subject lines a customer gets
 * sends of, every assignment of distinct weekdays to them), not by sampling:
 * <ul>
 *   <li>the logit offset added to every base of the response model so that the expected share of customers with
 *       a response is the shape's share of responders;</li>
 *   <li>the law of the number of answers to a responded send (its tail probabilities) so that a responder's
 *       expected response rows are the shape's.</li>
 * </ul>
 * Both solved by bisection of a monotone function.
 */
final class ShapeCalibration {
    /** The default law of answers to a responded send: a second with probability 0.30, a third with 0.05. */
    static final double[] DEFAULT_ANSWER_TAILS = {0.30, 0.05};
    /** At most this many answers to one send, so a customer's rows fit a fixed buffer. */
    static final int MAX_ANSWERS = 64;

    private static final int DAYS = 7;
    private static final int BISECTIONS = 60;

    private final ResponseModel model;
    private final double[] answerTails;
    private final double offset;
    private final double expectedResponderShare;
    private final double expectedResponseRowsPerCustomer;

    private ShapeCalibration(
            ResponseModel model,
            double offset,
            double[] answerTails,
            double expectedResponderShare,
            double expectedResponseRowsPerCustomer) {
        this.model = model;
        this.offset = offset;
        this.answerTails = answerTails;
        this.expectedResponderShare = expectedResponderShare;
        this.expectedResponseRowsPerCustomer = expectedResponseRowsPerCustomer;
    }

    /** The model moved to the shape's share of responders, and the law of answers for its rows per responder. */
    static ShapeCalibration of(ResponseModel base, StateSpace space, LogShape shape, int maxSendsPerPair) {
        Expectations expectations =
                new Expectations(space, shape.sendsPerPair(space.size(Attribute.SUBJECT)), maxSendsPerPair);
        ResponseModel model = base;
        double offset = 0;
        if (shape.responderShare().isPresent()) {
            double target = shape.responderShare().getAsDouble();
            double reachable = expectations.customersWithSends();
            if (target >= reachable) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "a share of responders of %s needs more sends per customer: with %s, %.4f of the customers"
                                + " get a send at all",
                        target,
                        shape.sendsPerCustomer(),
                        reachable));
            }
            double low = -40;
            double high = 40;
            for (int i = 0; i < BISECTIONS; i++) {
                double middle = (low + high) / 2;
                if (expectations.responderShare(base.shifted(middle).probabilities(space)) < target) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            offset = (low + high) / 2;
            model = base.shifted(offset);
        }
        double[] p = model.probabilities(space);
        double responders = expectations.responderShare(p);
        double[] tails = DEFAULT_ANSWER_TAILS;
        if (shape.responseRowsPerResponder().isPresent()) {
            double rows = shape.responseRowsPerResponder().getAsDouble();
            double respondedSendsPerResponder = expectations.respondedSendsPerCustomer(p) / responders;
            double answersPerSend = rows / respondedSendsPerResponder;
            if (answersPerSend < 1) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "response rows per responder must be at least the %.3f responded sends of a responder",
                        respondedSendsPerResponder));
            }
            if (answersPerSend > MAX_ANSWERS - 1) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "%s response rows per responder would need %.1f answers per responded send, more than %d",
                        rows,
                        answersPerSend,
                        MAX_ANSWERS - 1));
            }
            tails = geometricTails(answersPerSend);
        }
        double meanAnswers = 1;
        for (double tail : tails) {
            meanAnswers += tail;
        }
        return new ShapeCalibration(
                model, offset, tails, responders, meanAnswers * expectations.respondedSendsPerCustomer(p));
    }

    ResponseModel model() {
        return model;
    }

    /** {@code tails[a - 1]} = P(more than a answers); a uniform u gives 1 + the number of leading tails above u. */
    double[] answerTails() {
        return answerTails.clone();
    }

    /** What was added to every base of the model (0 when the shape keeps the model). */
    double offset() {
        return offset;
    }

    double expectedResponderShare() {
        return expectedResponderShare;
    }

    double expectedResponseRowsPerCustomer() {
        return expectedResponseRowsPerCustomer;
    }

    /** Tails r, r², … of a geometric law truncated at MAX_ANSWERS whose mean, Σ r^a for a < MAX_ANSWERS, is mean. */
    private static double[] geometricTails(double mean) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < BISECTIONS; i++) {
            double r = (low + high) / 2;
            if (truncatedGeometricMean(r) < mean) {
                low = r;
            } else {
                high = r;
            }
        }
        double r = (low + high) / 2;
        double[] tails = new double[MAX_ANSWERS - 1];
        double tail = 1;
        for (int a = 0; a < tails.length; a++) {
            tail *= r;
            tails[a] = tail;
        }
        return tails;
    }

    private static double truncatedGeometricMean(double r) {
        double sum = 0;
        double power = 1;
        for (int a = 0; a < MAX_ANSWERS; a++) {
            sum += power;
            power *= r;
        }
        return sum;
    }

    /** Expectations per customer, for the response probabilities of any model over one space. */
    private static final class Expectations {
        private final StateSpace space;
        private final int subjects;
        /** P(a pair gets at least one send). */
        private final double sendsAtAll;
        /** E[sends of a pair], the cap included. */
        private final double sendsOfPair;
        /** Every combination of the five customer attributes: its codes (state-vector order) and share. */
        private final int[][] customerCodes;

        private final double[] customerShare;
        /** Every ordered tuple of distinct weekdays, as long as there are subject lines. */
        private final int[][] dayTuples;

        Expectations(StateSpace space, double sendsPerPair, int maxSendsPerPair) {
            this.space = space;
            this.subjects = space.size(Attribute.SUBJECT);
            double none = Math.exp(-sendsPerPair);
            this.sendsAtAll = 1 - none;
            double mean = 0;
            double pk = none;
            for (int k = 1; k <= 1000; k++) {
                pk *= sendsPerPair / k;
                mean += Math.min(k, maxSendsPerPair) * pk;
            }
            this.sendsOfPair = mean;
            int combinations = 1;
            for (int position = 2; position < Attribute.COUNT; position++) {
                combinations *= space.size(Attribute.atPosition(position));
            }
            customerCodes = new int[combinations][];
            customerShare = new double[combinations];
            for (int c = 0; c < combinations; c++) {
                int[] vector = new int[Attribute.COUNT];
                double share = 1;
                int rest = c;
                for (int position = 2; position < Attribute.COUNT; position++) {
                    Attribute attribute = Attribute.atPosition(position);
                    vector[position] = rest % space.size(attribute);
                    rest /= space.size(attribute);
                    share *= Population.share(attribute, vector[position]);
                }
                customerCodes[c] = vector;
                customerShare[c] = share;
            }
            if (subjects > DAYS) {
                throw new IllegalStateException("more subject lines than weekdays");
            }
            java.util.List<int[]> tuples = new java.util.ArrayList<>();
            tuples(new int[subjects], 0, new boolean[DAYS], tuples);
            dayTuples = tuples.toArray(int[][]::new);
        }

        private static void tuples(int[] tuple, int filled, boolean[] used, java.util.List<int[]> out) {
            if (filled == tuple.length) {
                out.add(tuple.clone());
                return;
            }
            for (int day = 0; day < DAYS; day++) {
                if (!used[day]) {
                    used[day] = true;
                    tuple[filled] = day;
                    tuples(tuple, filled + 1, used, out);
                    used[day] = false;
                }
            }
        }

        /** P(a customer gets at least one send). */
        double customersWithSends() {
            return 1 - Math.pow(1 - sendsAtAll, subjects);
        }

        /**
         * P(a customer responds at all): over the subject lines they get sends of (each independently), on
         * distinct weekdays given in subject order as the generator draws them, each pair responding with its
         * cell's probability.
         */
        double responderShare(double[] p) {
            double responders = 0;
            int[] vector = new int[Attribute.COUNT];
            int[] chosen = new int[subjects];
            double[] silentPair = new double[subjects * DAYS];
            for (int c = 0; c < customerCodes.length; c++) {
                System.arraycopy(customerCodes[c], 0, vector, 0, Attribute.COUNT);
                for (int s = 0; s < subjects; s++) {
                    vector[0] = s;
                    for (int day = 0; day < DAYS; day++) {
                        vector[1] = day;
                        silentPair[s * DAYS + day] = 1 - p[space.indexOfCodes(vector)];
                    }
                }
                for (int subset = 1; subset < 1 << subjects; subset++) {
                    double subsetProbability = 1;
                    int k = 0;
                    for (int s = 0; s < subjects; s++) {
                        if ((subset & 1 << s) != 0) {
                            subsetProbability *= sendsAtAll;
                            chosen[k++] = s;
                        } else {
                            subsetProbability *= 1 - sendsAtAll;
                        }
                    }
                    double silent = 0;
                    for (int[] days : dayTuples) {
                        double none = 1;
                        for (int i = 0; i < k; i++) {
                            none *= silentPair[chosen[i] * DAYS + days[i]];
                        }
                        silent += none;
                    }
                    responders += customerShare[c] * subsetProbability * (1 - silent / dayTuples.length);
                }
            }
            return responders;
        }

        /** E[sends of a customer whose pair responded]: every weekday equally likely for a pair. */
        double respondedSendsPerCustomer(double[] p) {
            double sum = 0;
            int[] vector = new int[Attribute.COUNT];
            for (int c = 0; c < customerCodes.length; c++) {
                System.arraycopy(customerCodes[c], 0, vector, 0, Attribute.COUNT);
                for (int s = 0; s < subjects; s++) {
                    vector[0] = s;
                    for (int day = 0; day < DAYS; day++) {
                        vector[1] = day;
                        sum += customerShare[c] * sendsOfPair * p[space.indexOfCodes(vector)] / DAYS;
                    }
                }
            }
            return sum;
        }
    }
}
