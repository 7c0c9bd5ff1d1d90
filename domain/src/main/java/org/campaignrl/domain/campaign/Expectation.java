package org.campaignrl.domain.campaign;

/**
 * Responses to expect from a number of customers: the sum of their posterior means, and an interval that holds
 * both the posteriors' uncertainty and the sends' own Bernoulli noise (see {@link CampaignPlanner}); always
 * {@code 0 ≤ lower ≤ expected ≤ upper ≤ customers}.
 */
public record Expectation(long customers, double expected, double lower, double upper) {
    public static final Expectation NONE = new Expectation(0, 0, 0, 0);

    public Expectation {
        if (customers < 0 || !(lower >= 0 && lower <= expected && expected <= upper && upper <= customers)) {
            throw new IllegalArgumentException("need 0 <= lower <= expected <= upper <= customers: " + lower + ", "
                    + expected + ", " + upper + " of " + customers);
        }
    }

    /**
     * Two groups' expectations together: counts and expectations add; the interval's half-widths add in
     * quadrature, as the groups' customers differ (their audiences may share a posterior, which this ignores).
     */
    public static Expectation sum(Expectation a, Expectation b) {
        long customers = a.customers + b.customers;
        double expected = a.expected + b.expected;
        double below = Math.hypot(a.expected - a.lower, b.expected - b.lower);
        double above = Math.hypot(a.upper - a.expected, b.upper - b.expected);
        return new Expectation(
                customers, expected, Math.max(0, expected - below), Math.min(customers, expected + above));
    }

    /** Expected responses per customer (0 for none). */
    public double rate() {
        return customers == 0 ? 0 : expected / customers;
    }
}
