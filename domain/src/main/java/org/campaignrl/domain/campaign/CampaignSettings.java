package org.campaignrl.domain.campaign;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.campaignrl.domain.ranking.RankingMethod;

/**
 * What a campaign plan is asked for.
 *
 * @param subjectId        the subject line's id (not its code)
 * @param budget           how many emails the ranking spends (target + explore), or empty with a threshold
 * @param threshold        every audience whose predicted rate is at least this, or empty with a budget
 * @param day              the day every send goes out, or empty: each audience on its own best day
 * @param method           how audiences are ranked
 * @param explorationShare the share (0..1) of the target and explore emails spent by Thompson sampling
 * @param controlShare     the share (0 ≤ share &lt; 1) of the plan's customers (target + explore + control) drawn
 *                         at random from all eligible customers as the control group
 * @param control          what the control group gets
 * @param seed             seeds the control draw and the Thompson sampling: the same settings on the same
 *                         data give the same plan
 * @param startDate        the first day of the campaign: each send is planned on the first date on or after
 *                         it that falls on its day
 */
public record CampaignSettings(
        int subjectId,
        OptionalLong budget,
        OptionalDouble threshold,
        Optional<DayOfWeek> day,
        RankingMethod method,
        double explorationShare,
        double controlShare,
        ControlTreatment control,
        long seed,
        LocalDate startDate) {
    /**
     * The ranking a plan uses unless told otherwise: the one the held-out evaluation finds best
     * ({@code docs/learning-quality.md}); {@link RankingMethod#HELD_OUT_BEST}.
     */
    public static final RankingMethod DEFAULT_METHOD = RankingMethod.HELD_OUT_BEST;

    public CampaignSettings {
        if (budget == null
                || threshold == null
                || day == null
                || method == null
                || control == null
                || startDate == null) {
            throw new IllegalArgumentException(
                    "budget, threshold, day, method, control and start date must be given" + " (empty where not used)");
        }
        if (budget.isPresent() == threshold.isPresent()) {
            throw new IllegalArgumentException("a plan has a budget or a threshold, not both and not neither");
        }
        if (budget.isPresent() && budget.getAsLong() < 1) {
            throw new IllegalArgumentException("the budget must be at least 1 email: " + budget.getAsLong());
        }
        if (threshold.isPresent() && !(threshold.getAsDouble() > 0 && threshold.getAsDouble() < 1)) {
            throw new IllegalArgumentException(
                    "the threshold must be strictly between 0 and 1: " + threshold.getAsDouble());
        }
        if (!(explorationShare >= 0 && explorationShare <= 1)) {
            throw new IllegalArgumentException("the exploration share must be within 0..1: " + explorationShare);
        }
        if (!(controlShare >= 0 && controlShare < 1)) {
            throw new IllegalArgumentException("the control share must be at least 0 and below 1: " + controlShare);
        }
    }

    /** The date a send on this day goes out: the first on or after the start date. */
    public LocalDate sendDate(DayOfWeek sendDay) {
        int ahead = Math.floorMod(sendDay.getValue() - startDate.getDayOfWeek().getValue(), 7);
        return startDate.plusDays(ahead);
    }
}
