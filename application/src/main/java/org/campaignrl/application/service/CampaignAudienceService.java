package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.port.in.CampaignAudienceQuery;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.GreedyPolicy;
import org.campaignrl.domain.StateSpace;

/** The greedy rollout from {@code (subject, 0, 0, 0, 0, 0, 0)}, each visited cell with its history. */
public final class CampaignAudienceService implements CampaignAudienceQuery {
    private final ActiveModel activeModel;

    public CampaignAudienceService(ActiveModel activeModel) {
        this.activeModel = activeModel;
    }

    @Override
    public CampaignAudience audience(CampaignAudienceCommand command) {
        ServingSnapshot snapshot = activeModel.snapshot();
        Cells cells = snapshot.dataset().cells();
        StateSpace space = cells.space();
        int subjectCode = space.subjectCode(command.subjectId());
        if (subjectCode < 0) {
            throw new NotFoundException("subject line " + command.subjectId() + " is not in the data; known ids: "
                    + java.util.Arrays.toString(space.subjectIds()));
        }
        int start = space.indexOfCodes(subjectCode, 0, 0, 0, 0, 0, 0);
        GreedyPolicy.Rollout rollout = snapshot.policy().rollout(start, snapshot.maxSteps());
        List<AudienceStep> steps = new ArrayList<>();
        for (int state : rollout.states()) {
            steps.add(new AudienceStep(space.vectorOf(state), profile(space, state), cells.sends(state),
                    cells.responses(state), cells.conversion(state), snapshot.environment().isGoal(state)));
        }
        return new CampaignAudience(snapshot.model().id(), command.subjectId(),
                space.label(Attribute.SUBJECT, subjectCode), steps, rollout.end().name());
    }

    private static Map<Attribute, String> profile(StateSpace space, int state) {
        Map<Attribute, String> labels = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (attribute != Attribute.SUBJECT) {
                labels.put(attribute, space.label(attribute, space.code(state, attribute)));
            }
        }
        return labels;
    }
}
