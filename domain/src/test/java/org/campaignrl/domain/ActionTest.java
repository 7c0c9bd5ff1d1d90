package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void actionCodesMoveTheDocumentedAttributes() {
        assertEquals(Attribute.DAY, Action.ofCode(0).attribute());
        assertEquals(Attribute.TENURE, Action.ofCode(1).attribute());
        assertEquals(Attribute.DOMAIN, Action.ofCode(2).attribute());
        assertEquals(Attribute.AGE, Action.ofCode(3).attribute());
        assertEquals(Attribute.GENDER, Action.ofCode(4).attribute());
        assertEquals(Attribute.TYPE, Action.ofCode(5).attribute());
        assertEquals(Attribute.SUBJECT, Action.ofCode(6).attribute());
        assertEquals(7, Action.COUNT);
        assertEquals(Action.COUNT, Action.values().length);
        for (Action action : Action.values()) {
            assertEquals(action, Action.ofCode(action.code()));
        }
    }

    @Test
    void codesOutsideZeroToSixAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Action.ofCode(-1));
        assertThrows(IllegalArgumentException.class, () -> Action.ofCode(7));
    }

    @Test
    void eachActionMovesOnlyItsAttributeToTheNextValueWrappingAroundInEveryState() {
        StateSpace space = Spaces.small();
        Environment environment = new Environment(Spaces.CellsBuilder.on(space).build(), RewardRule.DEFAULT);
        for (int state = 0; state < space.size(); state++) {
            int[] before = space.codesOf(state);
            for (Action action : Action.values()) {
                int p = action.attribute().position();
                int[] expected = before.clone();
                expected[p] = (before[p] + 1) % space.size(action.attribute());
                int reached = environment.next(state, action.code());
                assertArrayEquals(expected, space.codesOf(reached), "state " + state + " " + action);
                assertEquals(reached, space.advance(state, action.attribute()));
            }
        }
    }

    @Test
    void theLastValueOfEveryAttributeWrapsToTheFirst() {
        StateSpace space = Spaces.small();
        int[] last = {2, 6, 6, 1, 4, 1, 1};
        int state = space.indexOfCodes(last);
        for (Action action : Action.values()) {
            int[] expected = last.clone();
            expected[action.attribute().position()] = 0;
            assertArrayEquals(expected, space.codesOf(space.advance(state, action.attribute())), action.toString());
        }
        assertArrayEquals(
                new int[] {4, 6, 6, 1, 4, 1, 1},
                space.vectorOf(space.advance(state, Attribute.SUBJECT)),
                "subject 17 wraps to subject 4");
    }

    @Test
    void applyingAnActionSizeTimesReturnsToTheStartAndNotBefore() {
        StateSpace space = Spaces.small();
        Environment environment = new Environment(Spaces.CellsBuilder.on(space).build(), RewardRule.DEFAULT);
        for (int start = 0; start < space.size(); start++) {
            for (Action action : Action.values()) {
                int size = space.size(action.attribute());
                int state = start;
                for (int i = 1; i <= size; i++) {
                    state = environment.next(state, action.code());
                    if (i < size) {
                        assertNotEquals(start, state, "back at the start after " + i + " of " + size + " " + action);
                    }
                }
                assertEquals(start, state, "start " + start + " " + action);
            }
        }
    }

    @Test
    void anAttributeWithOneValueStaysPut() {
        StateSpace space = new StateSpace(new int[] {3}, List.of("only.com"));
        for (int state = 0; state < space.size(); state++) {
            assertEquals(state, space.advance(state, Attribute.SUBJECT));
            assertEquals(state, space.advance(state, Attribute.DOMAIN));
        }
    }
}
