package org.campaignrl.data;

/**
 * How much to generate, of which shape, and from which seed. The same settings always give byte-identical files.
 *
 * @param customers number of customers in the userbase, 1 … {@value #MAX_CUSTOMERS}
 * @param seed      seed of the single {@link java.util.SplittableRandom} behind every draw
 * @param shape     order of the rows, sends per customer, responders ({@link LogShape#GENERATOR} by default)
 */
public record GeneratorSettings(int customers, long seed, LogShape shape) {
    public static final int DEFAULT_CUSTOMERS = 500_000;
    public static final long DEFAULT_SEED = 42;
    /** The customers of the real export that {@link LogShape#REAL_SHAPED} describes. */
    public static final int REAL_SHAPED_CUSTOMERS = 840_773;
    /** Keeps every customer id within an int (ids grow by at most 3 per customer). */
    public static final int MAX_CUSTOMERS = 100_000_000;

    public static final GeneratorSettings DEFAULT = new GeneratorSettings(DEFAULT_CUSTOMERS, DEFAULT_SEED);

    public GeneratorSettings {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be within 1.." + MAX_CUSTOMERS + ": " + customers);
        }
        if (shape == null) {
            throw new IllegalArgumentException("the shape is required");
        }
    }

    /** The generator's own shape. */
    public GeneratorSettings(int customers, long seed) {
        this(customers, seed, LogShape.GENERATOR);
    }

    /** A real export's size and shape (0.84 M customers, 2.48 M sends, 34 % responders, random order). */
    public static GeneratorSettings realShaped(long seed) {
        return new GeneratorSettings(REAL_SHAPED_CUSTOMERS, seed, LogShape.REAL_SHAPED);
    }
}
