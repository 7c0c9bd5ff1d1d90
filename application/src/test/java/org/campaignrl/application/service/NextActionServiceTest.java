package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campaignrl.application.Fixtures;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.port.in.NextActionUseCase.NextAction;
import org.campaignrl.application.port.in.NextActionUseCase.NextActionCommand;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

class NextActionServiceTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final NextActionService service = new NextActionService(activeModel);
    private final StateSpace space = Fixtures.space();

    /** Serves a hand-made Q table whose best action in state s is s % 7. */
    private long serveModuloSevenModel() {
        long datasetId = datasets.save(Fixtures.CellsBuilder.on(space).build());
        QTable qTable = Fixtures.qTableWithBest(space, s -> s % Action.COUNT);
        long modelId = models.save(Fixtures.handMadeModel(datasetId, qTable, 100), true);
        activeModel.reload();
        return modelId;
    }

    private static void assertRejectedField(String field, Runnable call) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, call::run);
        assertEquals(field, e.field());
    }

    @Test
    void beforeAnyModelNothingIsServed() {
        assertThrows(
                NothingServedException.class,
                () -> service.nextAction(new NextActionCommand(new int[] {12, 0, 0, 0, 0, 0, 0}, 0)));
    }

    @Test
    void appliesTheActionThenAnswersTheBestActionOfTheStateReached() {
        long modelId = serveModuloSevenModel();
        int[] state = {40, 2, 5, 1, 3, 0, 1};
        int index = space.indexOfVector(state);

        for (Action action : Action.values()) {
            NextAction answer = service.nextAction(new NextActionCommand(state, action.code()));

            int reached = space.advance(index, action.attribute());
            assertArrayEquals(space.vectorOf(reached), answer.reachedState(), action.toString());
            assertEquals(reached % Action.COUNT, answer.nextAction(), action.toString());
            assertEquals(modelId, answer.modelId());
        }
    }

    @Test
    void theReachedStateMovesOnlyTheActionsAttribute() {
        serveModuloSevenModel();
        int[] state = {12, 2, 5, 0, 3, 0, 1};

        assertArrayEquals(
                new int[] {12, 3, 5, 0, 3, 0, 1},
                service.nextAction(new NextActionCommand(state, 0)).reachedState());
        assertArrayEquals(
                new int[] {12, 2, 6, 0, 3, 0, 1},
                service.nextAction(new NextActionCommand(state, 1)).reachedState());
        assertArrayEquals(
                new int[] {12, 2, 5, 1, 3, 0, 1},
                service.nextAction(new NextActionCommand(state, 2)).reachedState());
        assertArrayEquals(
                new int[] {12, 2, 5, 0, 4, 0, 1},
                service.nextAction(new NextActionCommand(state, 3)).reachedState());
        assertArrayEquals(
                new int[] {12, 2, 5, 0, 3, 1, 1},
                service.nextAction(new NextActionCommand(state, 4)).reachedState());
        assertArrayEquals(
                new int[] {12, 2, 5, 0, 3, 0, 0},
                service.nextAction(new NextActionCommand(state, 5)).reachedState());
        assertArrayEquals(
                new int[] {40, 2, 5, 0, 3, 0, 1},
                service.nextAction(new NextActionCommand(state, 6)).reachedState(),
                "slot 0 carries the next subject's id, not its code");
    }

    @Test
    void lastValuesWrapAroundToTheFirst() {
        serveModuloSevenModel();
        int[] last = {40, 6, 6, 1, 4, 1, 1};

        assertArrayEquals(
                new int[] {40, 0, 6, 1, 4, 1, 1},
                service.nextAction(new NextActionCommand(last, 0)).reachedState(),
                "Sunday -> Monday");
        assertArrayEquals(
                new int[] {40, 6, 6, 0, 4, 1, 1},
                service.nextAction(new NextActionCommand(last, 2)).reachedState());
        assertArrayEquals(
                new int[] {12, 6, 6, 1, 4, 1, 1},
                service.nextAction(new NextActionCommand(last, 6)).reachedState(),
                "subject 40 -> subject 12");
    }

    @Test
    void anUnknownSubjectIdIsRejectedNamingStateZero() {
        serveModuloSevenModel();
        assertRejectedField(
                "state[0]", () -> service.nextAction(new NextActionCommand(new int[] {13, 0, 0, 0, 0, 0, 0}, 0)));
        assertRejectedField(
                "state[0]", () -> service.nextAction(new NextActionCommand(new int[] {0, 0, 0, 0, 0, 0, 0}, 0)));
    }

    @Test
    void aDomainCodeOutOfRangeIsRejectedNamingStateThree() {
        serveModuloSevenModel();
        InvalidCommandException e = assertThrows(
                InvalidCommandException.class,
                () -> service.nextAction(new NextActionCommand(new int[] {12, 0, 0, 2, 0, 0, 0}, 0)));
        assertEquals("state[3]", e.field());
        assertTrue(e.problem().contains(Attribute.DOMAIN.displayName()), e.problem());
        assertRejectedField(
                "state[3]", () -> service.nextAction(new NextActionCommand(new int[] {12, 0, 0, -1, 0, 0, 0}, 0)));
    }

    @Test
    void everyOtherCodeOutOfRangeIsRejectedNamingItsSlot() {
        serveModuloSevenModel();
        for (Attribute attribute : Attribute.values()) {
            if (attribute == Attribute.SUBJECT) {
                continue;
            }
            int p = attribute.position();
            for (int bad : new int[] {-1, space.size(attribute)}) {
                int[] state = {12, 0, 0, 0, 0, 0, 0};
                state[p] = bad;
                assertRejectedField("state[" + p + "]", () -> service.nextAction(new NextActionCommand(state, 0)));
            }
        }
    }

    @Test
    void answersComeFromTheModelActiveAtTheTimeOfTheCall() {
        serveModuloSevenModel();
        int[] state = {12, 0, 0, 0, 0, 0, 0};
        long datasetId = datasets.loadLatest().orElseThrow().id();
        long other = models.save(Fixtures.handMadeModel(datasetId, Fixtures.qTableWithBest(space, s -> 5), 100), true);
        activeModel.reload();

        NextAction answer = service.nextAction(new NextActionCommand(state, 1));

        assertEquals(other, answer.modelId());
        assertEquals(5, answer.nextAction());
    }
}
