package org.campaignrl.domain.estimators;

import org.campaignrl.domain.Cells;

/** The observed rate responses / sends; 0 for a cell never sent to. Borrows nothing from other cells. */
public final class RawRate implements ConversionEstimator {
    @Override
    public double[] estimate(Cells cells) {
        int states = cells.space().size();
        double[] rates = new double[states];
        for (int s = 0; s < states; s++) {
            rates[s] = cells.conversion(s);
        }
        return rates;
    }
}
