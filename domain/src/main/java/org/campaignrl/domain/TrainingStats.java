package org.campaignrl.domain;

import java.util.List;

/**
 * What a training run did. The curve has one point per window of episodes (about a hundred
 * points): the share of episodes in the window that entered a goal, and their mean length.
 */
public record TrainingStats(int episodes, long totalSteps, int episodesReachingGoal, List<CurvePoint> curve) {
    public TrainingStats {
        curve = List.copyOf(curve);
    }

    public double goalRate() {
        return episodes == 0 ? 0 : (double) episodesReachingGoal / episodes;
    }

    /** One window of the learning curve, ending at {@code episode}. */
    public record CurvePoint(int episode, double goalRate, double meanSteps) {}
}
