package org.campaignrl.application.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PlanCampaignCommandTest {
    private static final LocalDate START = LocalDate.of(2016, 4, 4);

    private static void rejected(String field, Executable construction) {
        assertEquals(
                field, assertThrows(InvalidCommandException.class, construction).field());
    }

    private static PlanCampaignCommand command(Long budget, Double threshold, double explore, double control) {
        return new PlanCampaignCommand(2, budget, threshold, null, null, explore, control, null, 1, START);
    }

    @Test
    void eachBadSettingIsRefusedNamingItsField() {
        rejected("budget", () -> command(null, null, 0.1, 0.1));
        rejected("threshold", () -> command(10L, 0.2, 0.1, 0.1));
        rejected("budget", () -> command(0L, null, 0.1, 0.1));
        rejected("threshold", () -> command(null, 1.5, 0.1, 0.1));
        rejected("threshold", () -> command(null, 0.0, 0.1, 0.1));
        rejected("explorationShare", () -> command(10L, null, -0.1, 0.1));
        rejected("explorationShare", () -> command(10L, null, Double.NaN, 0.1));
        rejected("controlShare", () -> command(10L, null, 0.1, -0.01));
        rejected("controlShare", () -> command(10L, null, 0.1, 1.0));
        rejected("startDate", () -> new PlanCampaignCommand(2, 10L, null, null, null, 0, 0, null, 1, null));
    }

    @Test
    void leftOutChoicesTakeTheirDefaults() {
        PlanCampaignCommand command = PlanCampaignCommand.ofBudget(2, 100, 7, START);
        assertEquals(CampaignSettings.DEFAULT_METHOD, command.method());
        assertEquals(ControlTreatment.BUSINESS_AS_USUAL, command.control());
        CampaignSettings settings = command.settings();
        assertEquals(100, settings.budget().getAsLong());
        assertEquals(PlanCampaignCommand.DEFAULT_CONTROL_SHARE, settings.controlShare());
        assertEquals(LocalDate.of(2016, 4, 9), settings.sendDate(java.time.DayOfWeek.SATURDAY));
        assertEquals(START, settings.sendDate(java.time.DayOfWeek.MONDAY));
    }
}
