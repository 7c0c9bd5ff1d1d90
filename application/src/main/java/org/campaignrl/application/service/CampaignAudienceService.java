package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.port.in.CampaignAudienceUseCase;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.GreedyPolicy;
import org.campaignrl.domain.StateSpace;

/**
 * The greedy rollout from {@code (subject, 0, 0, 0, 0, 0, 0)}, each visited cell with its history. A rollout is the
 * same until the served model changes, so each subject's answer is made once per snapshot and shared (read-only)
 * by the requests after it.
 */
public final class CampaignAudienceService implements CampaignAudienceUseCase {
    private final ActiveModel activeModel;
    private final AtomicReference<Answers> answers = new AtomicReference<>(new Answers(null));

    public CampaignAudienceService(ActiveModel activeModel) {
        this.activeModel = activeModel;
    }

    /** One snapshot's answers by subject id. */
    private record Answers(ServingSnapshot snapshot, Map<Integer, CampaignAudience> bySubject) {
        Answers(ServingSnapshot snapshot) {
            this(snapshot, new ConcurrentHashMap<>());
        }
    }

    @Override
    public CampaignAudience audience(CampaignAudienceCommand command) {
        ServingSnapshot snapshot = activeModel.snapshot();
        Answers current = answers.get();
        if (current.snapshot() != snapshot) {
            // Requests racing across a model change may each set their own: every one answers from its snapshot.
            current = new Answers(snapshot);
            answers.set(current);
        }
        // An unknown subject throws, and nothing is kept for it.
        return current.bySubject().computeIfAbsent(command.subjectId(), subjectId -> rollout(snapshot, subjectId));
    }

    private static CampaignAudience rollout(ServingSnapshot snapshot, int subjectId) {
        Cells cells = snapshot.dataset().cells();
        StateSpace space = cells.space();
        int subjectCode = space.subjectCode(subjectId);
        if (subjectCode < 0) {
            throw new NotFoundException("subject line " + subjectId + " is not in the data; known ids: "
                    + java.util.Arrays.toString(space.subjectIds()));
        }
        int start = space.indexOfCodes(subjectCode, 0, 0, 0, 0, 0, 0);
        GreedyPolicy.Rollout rollout = snapshot.policy().rollout(start, snapshot.maxSteps());
        List<AudienceStep> steps = new ArrayList<>();
        for (int state : rollout.states()) {
            steps.add(new AudienceStep(
                    space.vectorOf(state),
                    profile(space, state),
                    cells.sends(state),
                    cells.responses(state),
                    cells.conversion(state),
                    snapshot.environment().isGoal(state)));
        }
        return new CampaignAudience(
                snapshot.model().id(),
                subjectId,
                space.label(Attribute.SUBJECT, subjectCode),
                steps,
                rollout.end().name());
    }

    private static Map<Attribute, String> profile(StateSpace space, int state) {
        Map<Attribute, String> labels = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (attribute != Attribute.SUBJECT) {
                labels.put(attribute, space.label(attribute, space.code(state, attribute)));
            }
        }
        return Collections.unmodifiableMap(labels);
    }
}
