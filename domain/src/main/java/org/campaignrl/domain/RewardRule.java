package org.campaignrl.domain;

/**
 * What entering a cell is worth. A goal cell converts above the target rate on more than the
 * minimum number of sends: entering it pays {@code rewardFactor × 10} and ends the episode.
 * Any other cell pays +10 if it ever responded, −1 otherwise.
 */
public record RewardRule(double targetRate, long minSends, double rewardFactor) {
    public static final RewardRule DEFAULT = new RewardRule(0.30, 10, 3);

    public RewardRule {
        if (!(targetRate >= 0 && targetRate <= 1)) {
            throw new IllegalArgumentException("target rate must be within 0..1: " + targetRate);
        }
        if (minSends < 0) {
            throw new IllegalArgumentException("minimum sends must not be negative: " + minSends);
        }
        if (!Double.isFinite(rewardFactor)) {
            throw new IllegalArgumentException("reward factor must be finite: " + rewardFactor);
        }
    }

    public boolean isGoal(long sends, long responses) {
        return sends > minSends && (double) responses / sends > targetRate;
    }

    public double reward(long sends, long responses) {
        if (isGoal(sends, responses)) {
            return rewardFactor * 10;
        }
        return responses > 0 ? 10 : -1;
    }
}
