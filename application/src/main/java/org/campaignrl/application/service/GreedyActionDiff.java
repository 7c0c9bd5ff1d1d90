package org.campaignrl.application.service;

import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.StateSpace;

/**
 * Where two Q tables recommend different actions. States are matched by meaning: subject id and
 * email domain by value, the other attributes by code (their bins are fixed), so that models of
 * datasets with different subjects or domains compare on the states both have.
 */
final class GreedyActionDiff {

    record Result(int compared, int changed, int onlyInA, int onlyInB, int[] changedByAction) {}

    private GreedyActionDiff() {}

    static Result of(QTable a, StateSpace spaceA, QTable b, StateSpace spaceB) {
        requireSize(a, spaceA);
        requireSize(b, spaceB);
        int compared = 0;
        int changed = 0;
        int[] changedByAction = new int[Action.COUNT];
        boolean sameSpace = spaceA.equals(spaceB);
        for (int stateA = 0; stateA < spaceA.size(); stateA++) {
            int stateB = sameSpace ? stateA : matching(stateA, spaceA, spaceB);
            if (stateB < 0) {
                continue;
            }
            compared++;
            int actionB = b.bestAction(stateB);
            if (a.bestAction(stateA) != actionB) {
                changed++;
                changedByAction[actionB]++;
            }
        }
        return new Result(compared, changed, spaceA.size() - compared, spaceB.size() - compared, changedByAction);
    }

    /** The index in {@code spaceB} of the state meaning the same as {@code stateA}, or -1. */
    private static int matching(int stateA, StateSpace spaceA, StateSpace spaceB) {
        int[] codes = spaceA.codesOf(stateA);
        int subject = Attribute.SUBJECT.position();
        int domain = Attribute.DOMAIN.position();
        codes[subject] = spaceB.subjectCode(spaceA.subjectId(codes[subject]));
        codes[domain] = spaceB.domainCode(spaceA.domains().get(codes[domain]));
        return codes[subject] < 0 || codes[domain] < 0 ? -1 : spaceB.indexOfCodes(codes);
    }

    private static void requireSize(QTable table, StateSpace space) {
        if (table.states() != space.size()) {
            throw new IllegalStateException("a Q table of " + table.states() + " states does not fit its dataset's "
                    + space.size() + " states");
        }
    }
}
