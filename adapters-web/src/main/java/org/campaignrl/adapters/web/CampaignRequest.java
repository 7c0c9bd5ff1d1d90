package org.campaignrl.adapters.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.ranking.RankingMethod;

/**
 * A campaign plan asked for by the API (JSON, read through {@link JsonBody#asFields}) or the plan form: the same
 * field names, blank or left out taking the command's defaults. {@code budget} or {@code threshold}, one of them;
 * {@code day} a day's name or blank for each audience's best day; {@code startDate} yyyy-MM-dd, today when left
 * out.
 */
final class CampaignRequest {
    /** The form's and the JSON body's value of {@code day} for "each audience on its own best day". */
    static final String BEST_DAY = "BEST";

    private CampaignRequest() {}

    static PlanCampaignCommand from(Fields fields, LocalDate today) {
        int subjectId = fields.requiredInt("subjectId");
        Long budget = fields.text("budget") == null ? null : fields.requiredLong("budget");
        Double threshold = fields.optionalDouble("threshold");
        Double exploration = fields.optionalDouble("explorationShare");
        Double control = fields.optionalDouble("controlShare");
        return new PlanCampaignCommand(
                subjectId,
                budget,
                threshold,
                day(fields.text("day")),
                fields.oneOf("method", RankingMethod.class, CampaignSettings.DEFAULT_METHOD),
                exploration == null ? PlanCampaignCommand.DEFAULT_EXPLORATION_SHARE : exploration,
                control == null ? PlanCampaignCommand.DEFAULT_CONTROL_SHARE : control,
                fields.oneOf("control", ControlTreatment.class, null),
                fields.text("seed") == null ? PlanCampaignCommand.DEFAULT_SEED : fields.requiredLong("seed"),
                startDate(fields.text("startDate"), today));
    }

    private static DayOfWeek day(String text) {
        if (text == null || text.equalsIgnoreCase(BEST_DAY)) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(
                    "day",
                    "must be a day's name (MONDAY … SUNDAY) or " + BEST_DAY + " (each audience on its best day), was '"
                            + text + "'");
        }
    }

    private static LocalDate startDate(String text, LocalDate today) {
        if (text == null) {
            return today;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException("startDate", "must be a date yyyy-MM-dd, was '" + text + "'");
        }
    }
}
