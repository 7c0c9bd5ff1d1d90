package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.AudienceStep;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudience;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudienceCommand;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

class CampaignAudienceServiceTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final CampaignAudienceService service = new CampaignAudienceService(activeModel);
    private final StateSpace space = Fixtures.space();

    /** Serves {@code qTable} over {@code cells}, rollouts capped at {@code maxSteps}. */
    private long serve(Cells cells, QTable qTable, int maxSteps) {
        long datasetId = datasets.save(cells);
        long modelId = models.save(Fixtures.handMadeModel(datasetId, qTable, maxSteps), true);
        activeModel.reload();
        return modelId;
    }

    private QTable always(Action action) {
        return Fixtures.qTableWithBest(space, s -> action.code());
    }

    private static int[] vector(int subjectId, int day) {
        return new int[] {subjectId, day, 0, 0, 0, 0, 0};
    }

    @Test
    void beforeAnyModelNothingIsServed() {
        assertThrows(NothingServedException.class, () -> service.audience(new CampaignAudienceCommand(12)));
    }

    @Test
    void theRolloutStartsAtTheSubjectsFirstCellAndStopsOnEnteringAGoal() {
        Cells cells = Fixtures.CellsBuilder.on(space)
                .at(vector(40, 1), 8, 2)
                .at(vector(40, 3), 20, 15) // a goal: 0.75 on 20 sends
                .build();
        long modelId = serve(cells, always(Action.NEXT_DAY), 100);

        CampaignAudience audience = service.audience(new CampaignAudienceCommand(40));

        assertEquals(modelId, audience.modelId());
        assertEquals(40, audience.subjectId());
        assertEquals("Email Subject 40", audience.subjectLabel());
        assertEquals("GOAL", audience.end());
        List<AudienceStep> steps = audience.steps();
        assertEquals(4, steps.size());
        for (int day = 0; day < 4; day++) {
            assertArrayEquals(vector(40, day), steps.get(day).state(), "step " + day);
            assertEquals(day == 3, steps.get(day).goal(), "step " + day);
        }
        assertEquals(8, steps.get(1).sends());
        assertEquals(2, steps.get(1).responses());
        assertEquals(0.25, steps.get(1).conversion());
        assertEquals(20, steps.get(3).sends());
        assertEquals(15, steps.get(3).responses());
        assertEquals(0.75, steps.get(3).conversion());
        assertEquals(0, steps.get(0).sends());
        assertEquals(0.0, steps.get(0).conversion());
    }

    @Test
    void theRolloutStopsBeforeRepeatingACell() {
        serve(Fixtures.CellsBuilder.on(space).build(), always(Action.NEXT_GENDER), 100);

        CampaignAudience audience = service.audience(new CampaignAudienceCommand(12));

        assertEquals("LOOP", audience.end());
        assertEquals(2, audience.steps().size());
        assertArrayEquals(
                new int[] {12, 0, 0, 0, 0, 0, 0}, audience.steps().get(0).state());
        assertArrayEquals(
                new int[] {12, 0, 0, 0, 0, 1, 0}, audience.steps().get(1).state());
        assertFalse(audience.steps().get(1).goal());
    }

    @Test
    void theRolloutStopsAtTheModelsMaxSteps() {
        serve(Fixtures.CellsBuilder.on(space).build(), always(Action.NEXT_DAY), 2);

        CampaignAudience audience = service.audience(new CampaignAudienceCommand(12));

        assertEquals("STEP_LIMIT", audience.end());
        assertEquals(3, audience.steps().size());
        assertArrayEquals(vector(12, 2), audience.steps().get(2).state());
    }

    @Test
    void profilesLabelEveryAttributeButTheSubject() {
        serve(
                Fixtures.CellsBuilder.on(space).build(),
                Fixtures.qTableWithBest(
                        space,
                        s -> space.code(s, Attribute.TENURE) < 6 ? Action.NEXT_TENURE.code() : Action.NEXT_TYPE.code()),
                100);

        CampaignAudience audience = service.audience(new CampaignAudienceCommand(12));

        assertEquals(
                Map.of(
                        Attribute.DAY, "Monday",
                        Attribute.TENURE, "< 5",
                        Attribute.DOMAIN, "a.com",
                        Attribute.AGE, "< 20",
                        Attribute.GENDER, "Female",
                        Attribute.TYPE, "Business"),
                audience.steps().get(0).profile());
        AudienceStep last = audience.steps().get(audience.steps().size() - 1);
        assertEquals("> 30", last.profile().get(Attribute.TENURE));
        assertEquals("Consumer", last.profile().get(Attribute.TYPE));
        for (AudienceStep step : audience.steps()) {
            assertFalse(step.profile().containsKey(Attribute.SUBJECT));
            assertEquals(Attribute.COUNT - 1, step.profile().size());
        }
    }

    @Test
    void theSecondDomainIsLabelledByName() {
        serve(Fixtures.CellsBuilder.on(space).build(), always(Action.NEXT_DOMAIN), 100);

        CampaignAudience audience = service.audience(new CampaignAudienceCommand(40));

        assertEquals("b.org", audience.steps().get(1).profile().get(Attribute.DOMAIN));
    }

    @Test
    void anUnknownSubjectIsNotFound() {
        serve(Fixtures.CellsBuilder.on(space).build(), always(Action.NEXT_DAY), 100);

        NotFoundException e =
                assertThrows(NotFoundException.class, () -> service.audience(new CampaignAudienceCommand(13)));
        assertTrue(e.getMessage().contains("13"), e.getMessage());
        assertThrows(
                NotFoundException.class,
                () -> service.audience(new CampaignAudienceCommand(0)),
                "subject codes are not subject ids");
    }

    @Test
    void theStepsCannotBeChanged() {
        serve(Fixtures.CellsBuilder.on(space).build(), always(Action.NEXT_DAY), 3);
        CampaignAudience audience = service.audience(new CampaignAudienceCommand(12));
        assertThrows(UnsupportedOperationException.class, () -> audience.steps().clear());
    }

    @Test
    void theProfilesCannotBeChanged() {
        serve(Fixtures.CellsBuilder.on(space).build(), always(Action.NEXT_DAY), 3);
        CampaignAudience audience = service.audience(new CampaignAudienceCommand(12));
        assertThrows(
                UnsupportedOperationException.class,
                () -> audience.steps().get(0).profile().clear());
    }

    @Test
    void oneAnswerPerSubjectServesEveryRequestUntilTheModelChanges() {
        Cells cells = Fixtures.CellsBuilder.on(space).at(vector(40, 3), 20, 15).build();
        serve(cells, always(Action.NEXT_DAY), 100);
        CampaignAudience first = service.audience(new CampaignAudienceCommand(40));
        assertSame(first, service.audience(new CampaignAudienceCommand(40)));
        assertNotSame(first, service.audience(new CampaignAudienceCommand(12)));

        long newer = serve(cells, always(Action.NEXT_GENDER), 100);
        CampaignAudience after = service.audience(new CampaignAudienceCommand(40));
        assertEquals(newer, after.modelId());
        assertEquals("LOOP", after.end());
        assertEquals("GOAL", first.end());
    }
}
