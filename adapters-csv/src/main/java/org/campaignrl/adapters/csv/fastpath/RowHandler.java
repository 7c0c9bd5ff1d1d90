package org.campaignrl.adapters.csv.fastpath;

/**
 * Checks one data row and counts it in, or rejects it. A handler is used by one thread; a file read in
 * parts has one per part, and the caller merges them in file order.
 */
public interface RowHandler {
    void accept(Row row);
}
