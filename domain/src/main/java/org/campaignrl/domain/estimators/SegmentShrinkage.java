package org.campaignrl.domain.estimators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * Each cell's raw rate shrunk towards a prior that sees segments: the {@link AdditiveLogisticModel}'s prediction
 * scaled by how much better or worse than predicted the cell's most telling parent segment converts.
 *
 * <p>A cell's parents are the 28 segments that leave one or two of its attributes free ("this cell, any tenure",
 * "this cell, any tenure and any gender"). For each, the observed responses O and the responses the main effects
 * expect E (Σ sends × prediction) are summed over its other cells, the cell itself left out so that its own luck
 * cannot make its prior; the parent whose excess is least likely to be noise, the largest |O − E|/√E, gives the
 * factor (O + c)/(E + c), which c expected responses of "as predicted" keep near 1 where a parent has little to
 * show. Inside an interaction the main effects cannot see ("gmail.com, 25–34, Consumer, on Saturday": any tenure,
 * any gender, any subject), a parent that frees attributes the segment leaves free pools the rest of the
 * segment's sends, so a cell there is pulled towards the segment's level with its own attributes' main effects on
 * top, where {@link LogisticShrinkage} pulls it towards the main effects alone; elsewhere the factors are near 1
 * and the prior is the main effects'. The prior's strength is estimated by the method of moments from the
 * over-dispersion left around it, as {@link LogisticShrinkage} does.
 *
 * <p>Parents freeing one or two attributes and c = {@value #FACTOR_PRIOR} expected responses: chosen
 * among one to four and 5 to 100 on six full-size generated data sets and the sparse synthetic cells of
 * {@code MethodComparisonTest}, then checked on three data sets not used to choose; see docs/learning-quality.md.
 */
public final class SegmentShrinkage implements ConversionEstimator {
    /** A parent's factor is (O + c) / (E + c): c expected responses' worth of "as predicted". */
    static final double FACTOR_PRIOR = 50;
    /** Priors stay strictly inside 0..1, where a Beta prior exists. */
    private static final double MIN_PRIOR = 1e-6;

    private static final double MAX_PRIOR = 0.999;

    private final AdditiveLogisticModel model = new AdditiveLogisticModel();

    @Override
    public double[] estimate(Cells cells) {
        Prior prior = prior(cells, 1);
        return LogisticShrinkage.posteriorMeans(cells, prior.means(), prior.strength());
    }

    /**
     * Every state's posterior under the same prior, with each cell's counts divided by {@code sendsPerUnit}
     * ({@link BetaPosteriors#ofPriors}); with 1, {@link #estimate} gives their means.
     */
    public BetaPosteriors posteriors(Cells cells, double sendsPerUnit) {
        Prior prior = prior(cells, sendsPerUnit);
        return BetaPosteriors.ofPriors(cells, prior.means(), prior.strength(), sendsPerUnit);
    }

    /** {@link #estimate} and {@link #posteriors} of the same cells from one fit: what a campaign plan needs. */
    public record Fitted(double[] estimates, BetaPosteriors posteriors) {}

    public Fitted fitted(Cells cells, double sendsPerUnit) {
        AdditiveLogisticModel.Fit fit = model.fit(cells);
        double[] means = priors(cells, fit.predictAll());
        int parameters = parameters(fit, cells);
        double[] estimates = LogisticShrinkage.posteriorMeans(
                cells, means, LogisticShrinkage.estimateStrength(cells, means, parameters));
        return new Fitted(
                estimates,
                BetaPosteriors.ofPriors(
                        cells,
                        means,
                        LogisticShrinkage.estimateStrength(cells, means, parameters, sendsPerUnit),
                        sendsPerUnit));
    }

    private record Prior(double[] means, double strength) {}

    private Prior prior(Cells cells, double sendsPerUnit) {
        AdditiveLogisticModel.Fit fit = model.fit(cells);
        double[] prior = priors(cells, fit.predictAll());
        return new Prior(prior, LogisticShrinkage.estimateStrength(cells, prior, parameters(fit, cells), sendsPerUnit));
    }

    /** The factors are fitted on top of the model: counted as one parameter per kind of parent. */
    private static int parameters(AdditiveLogisticModel.Fit fit, Cells cells) {
        return fit.parameterCount() + parentKinds(cells.space()).size();
    }

    /** The prior mean of every state: its prediction times its most telling parent's factor. */
    static double[] priors(Cells cells, double[] predictions) {
        StateSpace space = cells.space();
        int states = space.size();
        double[] factor = new double[states];
        Arrays.fill(factor, 1.0);
        double[] bestEvidence = new double[states];
        double[] observed = new double[states];
        double[] expected = new double[states];
        int[] parents = new int[states];
        for (List<Attribute> free : parentKinds(space)) {
            Arrays.fill(observed, 0);
            Arrays.fill(expected, 0);
            for (int s = 0; s < states; s++) {
                int parent = parentOf(space, s, free);
                parents[s] = parent;
                observed[parent] += cells.responses(s);
                expected[parent] += cells.sends(s) * predictions[s];
            }
            for (int s = 0; s < states; s++) {
                int parent = parents[s];
                double o = observed[parent] - cells.responses(s);
                double e = expected[parent] - cells.sends(s) * predictions[s];
                if (e <= 0) {
                    continue;
                }
                double evidence = Math.abs(o - e) / Math.sqrt(e);
                if (evidence > bestEvidence[s]) {
                    bestEvidence[s] = evidence;
                    factor[s] = (o + FACTOR_PRIOR) / (e + FACTOR_PRIOR);
                }
            }
        }
        double[] priors = new double[states];
        for (int s = 0; s < states; s++) {
            priors[s] = Math.min(MAX_PRIOR, Math.max(MIN_PRIOR, predictions[s] * factor[s]));
        }
        return priors;
    }

    /** Every set of one or two attributes with more than one value (a single value frees nothing). */
    static List<List<Attribute>> parentKinds(StateSpace space) {
        List<Attribute> varying =
                Arrays.stream(Attribute.values()).filter(a -> space.size(a) > 1).toList();
        List<List<Attribute>> kinds = new ArrayList<>();
        for (int i = 0; i < varying.size(); i++) {
            kinds.add(List.of(varying.get(i)));
            for (int j = i + 1; j < varying.size(); j++) {
                kinds.add(List.of(varying.get(i), varying.get(j)));
            }
        }
        return kinds;
    }

    /** A parent is named by the index of its cell whose free attributes' codes are all 0. */
    private static int parentOf(StateSpace space, int state, List<Attribute> free) {
        int parent = state;
        for (Attribute attribute : free) {
            parent -= space.code(state, attribute) * space.advance(0, attribute);
        }
        return parent;
    }
}
