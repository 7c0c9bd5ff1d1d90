package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a retrained model may replace the active one, from their quality figures (the
 * metrics map the evaluation fills in). Each watched figure of the candidate may be worse than the
 * active model's by at most {@code tolerance} of the active model's value; a figure either model
 * lacks is not compared, and with no figure to compare the candidate is not activated.
 */
public record RetrainingGuard(Map<String, Better> watched, double tolerance) {
    /** Differences smaller than this count as equal, so a zero figure is not compared with a zero tolerance. */
    private static final double NEGLIGIBLE = 1e-12;

    public enum Better {
        HIGHER,
        LOWER
    }

    public RetrainingGuard {
        watched = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(watched));
        if (watched.isEmpty() || !(tolerance >= 0)) {
            throw new IllegalArgumentException("a guard watches at least one figure with a tolerance of 0 or more");
        }
    }

    /**
     * The evaluation's figures: success rate of the greedy policy (higher is better), mean |Q − Q*|
     * (lower is better) and the held-out lift when the dataset kept sends aside (higher is better).
     */
    public static RetrainingGuard standard(double tolerance) {
        Map<String, Better> watched = new LinkedHashMap<>();
        watched.put("success_rate", Better.HIGHER);
        watched.put("mean_abs_q_error", Better.LOWER);
        watched.put("held_out_lift", Better.HIGHER);
        return new RetrainingGuard(watched, tolerance);
    }

    /** Whether the candidate may be activated, and a sentence saying why, figure by figure. */
    public Verdict judge(Map<String, Double> candidate, Map<String, Double> active) {
        List<String> worse = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        watched.forEach((name, better) -> {
            Double c = candidate.get(name);
            Double a = active.get(name);
            if (c == null || a == null) {
                return;
            }
            double worseBy = better == Better.HIGHER ? a - c : c - a;
            double allowed = tolerance * Math.abs(a) + NEGLIGIBLE;
            String line = String.format(Locale.ROOT, "%s %.4g vs %.4g", name, c, a);
            if (worseBy > allowed) {
                worse.add(line
                        + String.format(
                                Locale.ROOT,
                                " (worse by %.4g, more than the %.4g allowed)",
                                worseBy,
                                allowed - NEGLIGIBLE));
            } else {
                fine.add(line);
            }
        });
        if (!worse.isEmpty()) {
            return new Verdict(false, "worse than the active model: " + String.join("; ", worse));
        }
        if (fine.isEmpty()) {
            return new Verdict(
                    false,
                    "no quality figure to compare with the active model (watched: "
                            + String.join(", ", watched.keySet()) + ")");
        }
        return new Verdict(
                true,
                "not worse than the active model beyond the tolerance of "
                        + String.format(Locale.ROOT, "%.4g", tolerance * 100) + " %: " + String.join("; ", fine));
    }

    public record Verdict(boolean activate, String reason) {}
}
