package org.campaignrl.data;

/** Told now and then how many customers (with their sends and responses) have been written. */
@FunctionalInterface
public interface GenerationProgress {
    GenerationProgress NONE = (customersDone, customersTotal) -> {};

    void progress(long customersDone, long customersTotal);
}
