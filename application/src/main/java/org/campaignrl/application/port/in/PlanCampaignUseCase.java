package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.ranking.RankingMethod;

/**
 * Plans a campaign for one subject line on the served dataset (the latest before any model is served): who of its
 * customers to email, when, and who to keep as control; each customer at most once.
 */
public interface PlanCampaignUseCase {

    /**
     * Makes the plan and stores it with its assignments.
     *
     * @return the stored plan, with its id
     * @throws InvalidCommandException ("subjectId") for a subject line not in the data, ("budget") for a budget
     *                                 beyond the eligible customers, ("threshold") when no audience reaches it
     * @throws org.campaignrl.application.NotFoundException when there is no dataset, or it has no customers
     */
    CampaignPlan plan(PlanCampaignCommand command);

    /**
     * The same plan's figures without storing anything, for a form's live figures: what {@link #plan} would make
     * now from the same command (id 0). Throws as {@link #plan} does.
     */
    CampaignPlan preview(PlanCampaignCommand command);

    /**
     * What to plan; validates itself, each failure an {@link InvalidCommandException} naming the field.
     *
     * @param budget           emails the ranking spends (target + explore), or null with a threshold
     * @param threshold        every audience whose predicted rate is at least this (strictly 0..1), or null with a
     *                         budget
     * @param day              the day all sends go out, or null: each audience on its own best day
     * @param method           how audiences are ranked; null: {@link CampaignSettings#DEFAULT_METHOD}
     * @param explorationShare 0..1 of the budget spent exploring
     * @param controlShare     0 ≤ share &lt; 1 of the plan's customers kept as control
     * @param control          what the control gets; null: {@link ControlTreatment#BUSINESS_AS_USUAL}
     * @param startDate        the campaign's first day; required
     */
    record PlanCampaignCommand(
            int subjectId,
            Long budget,
            Double threshold,
            DayOfWeek day,
            RankingMethod method,
            double explorationShare,
            double controlShare,
            ControlTreatment control,
            long seed,
            LocalDate startDate) {
        /** 10 % of the emails explore unless told otherwise. */
        public static final double DEFAULT_EXPLORATION_SHARE = 0.10;
        /** 10 % of the plan's customers are control unless told otherwise. */
        public static final double DEFAULT_CONTROL_SHARE = 0.10;
        /** The seed of the control draw and the exploration unless told otherwise (the API, the page, the CLI). */
        public static final long DEFAULT_SEED = 42;

        public PlanCampaignCommand {
            if ((budget == null) == (threshold == null)) {
                throw new InvalidCommandException(
                        budget == null ? "budget" : "threshold",
                        "give either a budget (emails) or a threshold (predicted rate), not both");
            }
            if (budget != null && budget < 1) {
                throw new InvalidCommandException("budget", "must be at least 1 email, was " + budget);
            }
            if (threshold != null && !(threshold > 0 && threshold < 1)) {
                throw new InvalidCommandException("threshold", "must be strictly between 0 and 1, was " + threshold);
            }
            method = method == null ? CampaignSettings.DEFAULT_METHOD : method;
            if (!(explorationShare >= 0 && explorationShare <= 1)) {
                throw new InvalidCommandException("explorationShare", "must be within 0..1, was " + explorationShare);
            }
            if (!(controlShare >= 0 && controlShare < 1)) {
                throw new InvalidCommandException(
                        "controlShare",
                        "must be at least 0 and below 1 (a control of " + "100 % leaves nobody to send to), was "
                                + controlShare);
            }
            control = control == null ? ControlTreatment.BUSINESS_AS_USUAL : control;
            notNull(startDate, "startDate");
        }

        /** A budget of emails, on each audience's best day, with the default shares and ranking. */
        public static PlanCampaignCommand ofBudget(int subjectId, long budget, long seed, LocalDate startDate) {
            return new PlanCampaignCommand(
                    subjectId,
                    budget,
                    null,
                    null,
                    null,
                    DEFAULT_EXPLORATION_SHARE,
                    DEFAULT_CONTROL_SHARE,
                    null,
                    seed,
                    startDate);
        }

        /** The domain's settings of this command. */
        public CampaignSettings settings() {
            return new CampaignSettings(
                    subjectId,
                    budget == null ? OptionalLong.empty() : OptionalLong.of(budget),
                    threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                    Optional.ofNullable(day),
                    method,
                    explorationShare,
                    controlShare,
                    control,
                    seed,
                    startDate);
        }
    }
}
