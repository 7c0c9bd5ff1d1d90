package org.campaignrl.domain.estimators;

import org.campaignrl.domain.Cells;

/**
 * A Beta(αₛ, βₛ) posterior on every state's conversion probability: what an estimator believes and how sure it is,
 * for drawing (Thompson sampling) and for intervals of sums. Immutable.
 */
public final class BetaPosteriors {
    private final double[] alpha;
    private final double[] beta;

    private BetaPosteriors(double[] alpha, double[] beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    /**
     * Each state's Beta(k·m, k·(1 − m)) prior of strength k around its prior mean m, updated with its responses r of
     * n sends: Beta(r + k·m, n − r + k·(1 − m)); its mean is the shrinkage estimators' (r + k·m)/(n + k).
     */
    public static BetaPosteriors ofPriors(Cells cells, double[] priorMeans, double strength) {
        return ofPriors(cells, priorMeans, strength, 1);
    }

    /**
     * The same, each state's counts divided by {@code sendsPerUnit} (≥ 1): Beta(r/d + k·m, (n − r)/d + k·(1 − m)).
     * When the d sends of a unit (a customer and subject line) respond together, as the ingest counts them, a
     * cell holds n/d independent draws, not n: the posterior is that much wider.
     */
    public static BetaPosteriors ofPriors(Cells cells, double[] priorMeans, double strength, double sendsPerUnit) {
        if (!(sendsPerUnit >= 1 && Double.isFinite(sendsPerUnit))) {
            throw new IllegalArgumentException("sends per unit must be at least 1: " + sendsPerUnit);
        }
        int states = cells.space().size();
        if (priorMeans.length != states) {
            throw new IllegalArgumentException("need one prior mean per state (" + states + ")");
        }
        if (!(strength > 0 && Double.isFinite(strength))) {
            throw new IllegalArgumentException("the prior strength must be positive and finite: " + strength);
        }
        double[] alpha = new double[states];
        double[] beta = new double[states];
        for (int s = 0; s < states; s++) {
            double m = priorMeans[s];
            alpha[s] = cells.responses(s) / sendsPerUnit + strength * m;
            beta[s] = (cells.sends(s) - cells.responses(s)) / sendsPerUnit + strength * (1 - m);
        }
        return new BetaPosteriors(alpha, beta);
    }

    /** Each state's Jeffreys posterior Beta(r + ½, n − r + ½), knowing nothing of the other states. */
    public static BetaPosteriors jeffreys(Cells cells) {
        int states = cells.space().size();
        double[] alpha = new double[states];
        double[] beta = new double[states];
        for (int s = 0; s < states; s++) {
            alpha[s] = cells.responses(s) + 0.5;
            beta[s] = cells.sends(s) - cells.responses(s) + 0.5;
        }
        return new BetaPosteriors(alpha, beta);
    }

    public int size() {
        return alpha.length;
    }

    public double alpha(int state) {
        return alpha[state];
    }

    public double beta(int state) {
        return beta[state];
    }

    /** α/(α + β). */
    public double mean(int state) {
        return alpha[state] / (alpha[state] + beta[state]);
    }

    /** αβ/((α + β)²(α + β + 1)). */
    public double variance(int state) {
        double a = alpha[state];
        double b = beta[state];
        double sum = a + b;
        return a * b / (sum * sum * (sum + 1));
    }
}
