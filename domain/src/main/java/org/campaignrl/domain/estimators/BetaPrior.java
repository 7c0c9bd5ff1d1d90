package org.campaignrl.domain.estimators;

/**
 * A Beta(α, β) prior on a conversion probability: mean α/(α+β), worth {@code α + β} pseudo-sends.
 * A cell with r responses in n sends then has posterior mean (r + α)/(n + α + β).
 */
public record BetaPrior(double alpha, double beta) {

    public BetaPrior {
        if (!(alpha >= 0 && beta >= 0 && Double.isFinite(alpha) && Double.isFinite(beta))) {
            throw new IllegalArgumentException("need finite alpha, beta >= 0: " + alpha + ", " + beta);
        }
    }

    /** The prior with this mean and strength (pseudo-sends). */
    public static BetaPrior ofMeanAndStrength(double mean, double strength) {
        return new BetaPrior(mean * strength, (1 - mean) * strength);
    }

    public double mean() {
        double strength = alpha + beta;
        return strength == 0 ? 0 : alpha / strength;
    }

    /** α + β: how many sends the prior is worth. */
    public double strength() {
        return alpha + beta;
    }

    /** (r + α)/(n + α + β); the prior mean when n = 0, the raw rate for a prior of strength 0. */
    public double posteriorMean(long responses, long sends) {
        double denominator = sends + alpha + beta;
        return denominator == 0 ? 0 : (responses + alpha) / denominator;
    }
}
