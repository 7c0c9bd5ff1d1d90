package org.campaignrl.domain.estimators;

import org.campaignrl.domain.Cells;

/** Estimates every cell's conversion probability from the cells' history. */
@FunctionalInterface
public interface ConversionEstimator {
    /** One estimate per state of {@code cells.space()}, each within 0..1 (cells never sent to included). */
    double[] estimate(Cells cells);
}
