package org.campaignrl.application.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.campaignrl.domain.quality.Convergence;
import org.campaignrl.domain.quality.PolicyQuality;

/**
 * Whether a model converged and what its greedy policy does, read from its stored figures: what the CLI, the API and
 * the pages say of a model, in words a campaign manager reads.
 *
 * @param converged    empty for a model stored before convergence was measured
 * @param reachShare   share of the start states that can reach a goal whose greedy path does; NaN without goals
 * @param stepsRatio   the greedy path's mean steps against the fewest possible, over the starts that reach a goal
 */
public record ConvergenceSummary(Optional<Boolean> converged, double reachShare, double stepsRatio) {

    public static ConvergenceSummary of(PolicyQuality quality) {
        return of(quality.figures());
    }

    /** From the figures {@link PolicyQuality#figures()} names; missing ones read as unknown. */
    public static ConvergenceSummary of(Map<String, Double> figures) {
        Double agreement = figures.get("greedy_agreement");
        Double error = figures.get("mean_abs_q_error");
        Optional<Boolean> converged = agreement == null || error == null
                ? Optional.empty()
                : Optional.of(Convergence.converged(agreement, error));
        double reach = figures.getOrDefault("success_rate_over_reachable", Double.NaN);
        Double steps = figures.get("mean_steps");
        Double fewest = figures.get("mean_optimal_steps");
        double ratio = steps == null || fewest == null || fewest == 0 ? Double.NaN : steps / fewest;
        return new ConvergenceSummary(converged, reach, ratio);
    }

    /** "converged", "not converged" or "not measured". */
    public String verdict() {
        return converged.map(yes -> yes ? "converged" : "not converged").orElse("not measured");
    }

    /**
     * "converged: 100 % of start states reach a goal, in 1.02 × the fewest steps", "not converged: 97.1 % of start
     * states reach a goal, …", or, without goals, "converged: no audience reaches the target".
     */
    public String inWords() {
        if (Double.isNaN(reachShare)) {
            return verdict() + ": no audience reaches the target";
        }
        String reach = String.format(Locale.ROOT, "%s of start states reach a goal", percent(reachShare));
        String steps =
                Double.isNaN(stepsRatio) ? "" : String.format(Locale.ROOT, ", in %.2f × the fewest steps", stepsRatio);
        return verdict() + ": " + reach + steps;
    }

    /** 100 %, 99.9 %, 97.1 %: one decimal, none for a whole hundred, never rounded up to 100. */
    static String percent(double share) {
        double tenths = Math.floor(share * 1000) / 10;
        return tenths == 100 ? "100 %" : String.format(Locale.ROOT, "%.1f %%", tenths);
    }
}
