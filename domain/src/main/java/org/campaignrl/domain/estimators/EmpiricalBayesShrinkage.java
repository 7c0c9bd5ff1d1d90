package org.campaignrl.domain.estimators;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;

/**
 * Empirical-Bayes shrinkage: each subject line's cells are taken as draws from one Beta(α, β),
 * fitted by the method of moments over that subject's non-empty cells, and each cell is
 * estimated by its posterior mean (r + α)/(n + α + β). A cell with few sends is pulled close to
 * its subject's mean; a cell with many sends keeps nearly its raw rate; a cell never sent to gets
 * the subject's mean.
 *
 * <p>The moments estimator (Kleinman 1973, for unequal n): with μ̂ = Σr/Σn over the K non-empty
 * cells, N = Σn and S = Σ nᵢ(p̂ᵢ − μ̂)², the beta-binomial model gives
 * E[S] = μ(1−μ)·[(K − 1) + ρ·(N − Σnᵢ²/N − (K − 1))] with ρ = 1/(α + β + 1), the correlation of
 * two sends of one cell. Solving for ρ gives the prior's strength α + β = 1/ρ − 1, kept within
 * [{@link #MIN_STRENGTH}, {@link #MAX_STRENGTH}]: cells no more spread than binomial noise
 * (ρ̂ ≤ 0) pool almost completely. A subject with no sends gets the pooled rate of all subjects.
 *
 * <p>In campaign data the sends of one customer tend to respond together, which the moments
 * count as spread between cells; the prior then comes out somewhat weaker than the spread of
 * true rates alone would make it (less shrinkage, on the safe side of the raw rate).
 */
public final class EmpiricalBayesShrinkage implements ConversionEstimator {
    /** The weakest prior the fit returns, in pseudo-sends. */
    public static final double MIN_STRENGTH = 1e-3;
    /** The strongest prior the fit returns, in pseudo-sends: complete pooling for practical purposes. */
    public static final double MAX_STRENGTH = 1e7;

    @Override
    public double[] estimate(Cells cells) {
        int states = cells.space().size();
        double[] estimates = new double[states];
        List<BetaPrior> priors = priors(cells);
        for (int subject = 0; subject < priors.size(); subject++) {
            BetaPrior prior = priors.get(subject);
            SubjectSpan span = SubjectSpan.of(cells.space(), subject);
            for (int s = span.start(); s < span.end(); s++) {
                estimates[s] = prior.posteriorMean(cells.responses(s), cells.sends(s));
            }
        }
        return estimates;
    }

    /** The fitted prior of every subject line, by subject code. */
    public List<BetaPrior> priors(Cells cells) {
        int subjects = cells.space().size(Attribute.SUBJECT);
        long totalSends = cells.totalSends();
        double pooled = totalSends == 0 ? 0 : (double) cells.totalResponses() / totalSends;
        List<BetaPrior> priors = new ArrayList<>(subjects);
        for (int subject = 0; subject < subjects; subject++) {
            priors.add(prior(cells, subject, pooled));
        }
        return priors;
    }

    /** The fitted prior of one subject line. */
    public BetaPrior prior(Cells cells, int subjectCode) {
        long totalSends = cells.totalSends();
        return prior(cells, subjectCode, totalSends == 0 ? 0 : (double) cells.totalResponses() / totalSends);
    }

    private static BetaPrior prior(Cells cells, int subjectCode, double fallbackMean) {
        SubjectSpan span = SubjectSpan.of(cells.space(), subjectCode);
        long sends = 0;
        long responses = 0;
        int nonEmpty = 0;
        double sumSquaredSends = 0;
        for (int s = span.start(); s < span.end(); s++) {
            long n = cells.sends(s);
            if (n > 0) {
                sends += n;
                responses += cells.responses(s);
                nonEmpty++;
                sumSquaredSends += (double) n * n;
            }
        }
        if (sends == 0) {
            return BetaPrior.ofMeanAndStrength(fallbackMean, MAX_STRENGTH);
        }
        double mean = (double) responses / sends;
        if (mean == 0 || mean == 1 || nonEmpty < 2) {
            return BetaPrior.ofMeanAndStrength(mean, MAX_STRENGTH);
        }
        double spread = 0;
        for (int s = span.start(); s < span.end(); s++) {
            long n = cells.sends(s);
            if (n > 0) {
                double deviation = (double) cells.responses(s) / n - mean;
                spread += n * deviation * deviation;
            }
        }
        double correlation = momentsCorrelation(spread, mean, nonEmpty, sends, sumSquaredSends);
        return BetaPrior.ofMeanAndStrength(mean, strengthOf(correlation));
    }

    /** ρ̂ from the send-weighted spread S of K cells around μ̂ (see the class comment). */
    static double momentsCorrelation(double spread, double mean, int cells, double sends, double sumSquaredSends) {
        double denominator = sends - sumSquaredSends / sends - (cells - 1);
        if (denominator <= 0) {
            return 0;
        }
        return (spread / (mean * (1 - mean)) - (cells - 1)) / denominator;
    }

    /** α + β = 1/ρ − 1, within [MIN_STRENGTH, MAX_STRENGTH]. */
    static double strengthOf(double correlation) {
        if (!(correlation > 0)) {
            return MAX_STRENGTH;
        }
        double strength = 1 / correlation - 1;
        return Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, strength));
    }
}
