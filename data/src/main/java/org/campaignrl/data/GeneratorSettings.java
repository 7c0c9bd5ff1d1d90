package org.campaignrl.data;

/**
 * How much to generate, and from which seed. The same settings always give byte-identical files.
 *
 * @param customers number of customers in the userbase, 1 … {@value #MAX_CUSTOMERS}
 * @param seed      seed of the single {@link java.util.SplittableRandom} behind every draw
 */
public record GeneratorSettings(int customers, long seed) {
    public static final int DEFAULT_CUSTOMERS = 500_000;
    public static final long DEFAULT_SEED = 42;
    /** Keeps every customer id within an int (ids grow by at most 3 per customer). */
    public static final int MAX_CUSTOMERS = 100_000_000;

    public static final GeneratorSettings DEFAULT = new GeneratorSettings(DEFAULT_CUSTOMERS, DEFAULT_SEED);

    public GeneratorSettings {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be within 1.." + MAX_CUSTOMERS + ": " + customers);
        }
    }
}
