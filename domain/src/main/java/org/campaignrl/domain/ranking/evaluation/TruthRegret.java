package org.campaignrl.domain.ranking.evaluation;

import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.TopSelection;

/**
 * With synthetic data the true probability of every cell is known (the generator's
 * {@code truth.json}), so a ranking can be scored without held-out noise: per subject line, the
 * top N cells it picks from the training cells (among cells with at least {@code minSends}
 * training sends) against the N truly best cells among the same eligible cells.
 *
 * <p>{@code chosenMean} and {@code bestMean} are plain means of the true probabilities over all
 * chosen (resp. truly best) cells of all subject lines; {@code regret = bestMean − chosenMean},
 * 0 for a perfect choice. Ties go to more training sends, then to the lower state index.
 */
public record TruthRegret(String label, int chosenCount, double chosenMean, double bestMean, double regret) {

    /** Scores a ranking method. */
    public static TruthRegret evaluate(
            Cells training,
            double[] trueProbability,
            RankingMethod method,
            int topN,
            long minSends,
            double confidence) {
        return evaluate(training, trueProbability, method.name(), method.scores(training, confidence), topN, minSends);
    }

    /** Scores a ranking given as one training score per state (higher first). */
    public static TruthRegret evaluate(
            Cells training, double[] trueProbability, String label, double[] scores, int topN, long minSends) {
        StateSpace space = training.space();
        if (trueProbability.length != space.size() || scores.length != space.size()) {
            throw new IllegalArgumentException(
                    "need one true probability and one score per state (" + space.size() + ")");
        }
        if (topN < 1) {
            throw new IllegalArgumentException("top N must be at least 1: " + topN);
        }
        long[] sends = TopSelection.sendsOf(training);
        int[][] chosen = TopSelection.topPerSubject(space, scores, sends, minSends, topN);
        int[][] best = TopSelection.topPerSubject(space, trueProbability, sends, minSends, topN);
        double chosenSum = 0;
        int chosenCount = 0;
        for (int[] states : chosen) {
            for (int s : states) {
                chosenSum += trueProbability[s];
                chosenCount++;
            }
        }
        double bestSum = 0;
        int bestCount = 0;
        for (int[] states : best) {
            for (int s : states) {
                bestSum += trueProbability[s];
                bestCount++;
            }
        }
        double chosenMean = chosenCount == 0 ? Double.NaN : chosenSum / chosenCount;
        double bestMean = bestCount == 0 ? Double.NaN : bestSum / bestCount;
        return new TruthRegret(label, chosenCount, chosenMean, bestMean, bestMean - chosenMean);
    }
}
