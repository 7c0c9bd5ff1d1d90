package org.campaignrl.domain.estimators;

import org.campaignrl.domain.Cells;

/**
 * Each cell's raw rate shrunk towards the {@link AdditiveLogisticModel} prediction m: a
 * Beta(k·m, k·(1 − m)) prior of strength k centred on the prediction, posterior mean
 * (r + k·m)/(n + k). A cell with few sends gets nearly the model's prediction; a cell with many
 * sends keeps what it showed, so an interaction the main effects miss (a segment that does well
 * only in combination) comes through once it has the sends to show it.
 *
 * <p>The strength is fixed, or (the default) estimated by the method of moments from the
 * over-dispersion left around the model: with Pearson's X² = Σ(rᵢ − nᵢmᵢ)²/(nᵢmᵢ(1 − mᵢ)) over
 * the K non-empty cells and P fitted parameters, E[X²] ≈ (K − P) + ρ·Σ(nᵢ − 1), and
 * k = 1/ρ̂ − 1, within [{@link EmpiricalBayesShrinkage#MIN_STRENGTH},
 * {@link EmpiricalBayesShrinkage#MAX_STRENGTH}].
 */
public final class LogisticShrinkage implements ConversionEstimator {
    private final AdditiveLogisticModel model;
    private final double strength;

    /** Strength estimated from the data, default ridge. */
    public LogisticShrinkage() {
        this(new AdditiveLogisticModel(), Double.NaN);
    }

    /**
     * @param model    the model whose predictions are the prior means
     * @param strength the prior's strength k in pseudo-sends (≥ 0), or NaN to estimate it
     */
    public LogisticShrinkage(AdditiveLogisticModel model, double strength) {
        if (!(Double.isNaN(strength) || (strength >= 0 && Double.isFinite(strength)))) {
            throw new IllegalArgumentException("strength must be finite and >= 0, or NaN to estimate it: " + strength);
        }
        this.model = model;
        this.strength = strength;
    }

    @Override
    public double[] estimate(Cells cells) {
        AdditiveLogisticModel.Fit fit = model.fit(cells);
        double[] predictions = fit.predictAll();
        double k = Double.isNaN(strength) ? estimateStrength(cells, predictions, fit.parameterCount()) : strength;
        return posteriorMeans(cells, predictions, k);
    }

    /**
     * Every state's posterior under the same prior, with each cell's counts divided by {@code sendsPerUnit}
     * ({@link BetaPosteriors#ofPriors}); with 1, {@link #estimate} gives their means.
     */
    public BetaPosteriors posteriors(Cells cells, double sendsPerUnit) {
        AdditiveLogisticModel.Fit fit = model.fit(cells);
        double[] predictions = fit.predictAll();
        double k = Double.isNaN(strength)
                ? estimateStrength(cells, predictions, fit.parameterCount(), sendsPerUnit)
                : strength;
        return BetaPosteriors.ofPriors(
                cells, predictions, Math.max(k, EmpiricalBayesShrinkage.MIN_STRENGTH), sendsPerUnit);
    }

    /**
     * Every cell's posterior mean (r + k·m)/(n + k) under a Beta prior of strength k centred on its prior mean m; a
     * cell never sent to keeps m.
     */
    static double[] posteriorMeans(Cells cells, double[] priorMeans, double k) {
        double[] estimates = new double[priorMeans.length];
        for (int s = 0; s < estimates.length; s++) {
            long n = cells.sends(s);
            estimates[s] = n == 0 ? priorMeans[s] : (cells.responses(s) + k * priorMeans[s]) / (n + k);
        }
        return estimates;
    }

    /** The prior strength k this estimator uses on these cells (the fixed one, or the moments estimate). */
    public double strength(Cells cells) {
        if (!Double.isNaN(strength)) {
            return strength;
        }
        AdditiveLogisticModel.Fit fit = model.fit(cells);
        return estimateStrength(cells, fit.predictAll(), fit.parameterCount());
    }

    static double estimateStrength(Cells cells, double[] predictions, int parameters) {
        return estimateStrength(cells, predictions, parameters, 1);
    }

    /**
     * The moments estimate with every cell's counts divided by {@code sendsPerUnit}: when the sends of one unit (a
     * customer and subject line) respond together, the units, not the sends, are the independent draws, and
     * Pearson's X² and the extra sends shrink by that factor.
     */
    static double estimateStrength(Cells cells, double[] predictions, int parameters, double sendsPerUnit) {
        double pearson = 0;
        double extraSends = 0;
        int nonEmpty = 0;
        for (int s = 0; s < predictions.length; s++) {
            long n = cells.sends(s);
            double m = predictions[s];
            if (n == 0 || !(m > 0 && m < 1)) {
                continue;
            }
            double units = n / sendsPerUnit;
            double residual = cells.responses(s) / sendsPerUnit - units * m;
            pearson += residual * residual / (units * m * (1 - m));
            extraSends += Math.max(0, units - 1);
            nonEmpty++;
        }
        if (extraSends == 0) {
            return EmpiricalBayesShrinkage.MAX_STRENGTH;
        }
        double correlation = (pearson - Math.max(0, nonEmpty - parameters)) / extraSends;
        return EmpiricalBayesShrinkage.strengthOf(correlation);
    }
}
