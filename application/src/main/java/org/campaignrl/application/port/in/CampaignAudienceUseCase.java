package org.campaignrl.application.port.in;

import java.util.List;
import java.util.Map;
import org.campaignrl.domain.Attribute;

/** The audiences the active model walks through for a subject line: its greedy rollout. */
public interface CampaignAudienceUseCase {

    CampaignAudience audience(CampaignAudienceCommand command);

    record CampaignAudienceCommand(int subjectId) {}

    /** {@code end} is why the rollout stopped: GOAL, LOOP or STEP_LIMIT. */
    record CampaignAudience(long modelId, int subjectId, String subjectLabel, List<AudienceStep> steps, String end) {
        public CampaignAudience {
            steps = List.copyOf(steps);
        }
    }

    /** One visited cell: its labels (without the subject), state vector and history. */
    record AudienceStep(
            int[] state, Map<Attribute, String> profile, long sends, long responses, double conversion, boolean goal) {}
}
