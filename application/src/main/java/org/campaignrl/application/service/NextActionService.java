package org.campaignrl.application.service;

import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.NextActionUseCase;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/** Answers from whatever snapshot is active at the moment of the call. */
public final class NextActionService implements NextActionUseCase {
    private final ActiveModel activeModel;

    public NextActionService(ActiveModel activeModel) {
        this.activeModel = activeModel;
    }

    @Override
    public NextAction nextAction(NextActionCommand command) {
        ServingSnapshot snapshot = activeModel.snapshot();
        int state = stateIndex(snapshot.dataset().cells().space(), command.state());
        int reached = snapshot.environment()
                .next(state, Action.ofCode(command.action()).code());
        return new NextAction(
                snapshot.model().id(),
                snapshot.dataset().cells().space().vectorOf(reached),
                snapshot.policy().bestAction(reached));
    }

    /** The index of a user's state vector, or an error naming the slot at fault. */
    static int stateIndex(StateSpace space, int[] vector) {
        if (space.subjectCode(vector[0]) < 0) {
            throw new InvalidCommandException(
                    "state[0]",
                    "subject line id " + vector[0] + " is not in the data; known ids: "
                            + java.util.Arrays.toString(space.subjectIds()));
        }
        for (int p = 1; p < Attribute.COUNT; p++) {
            Attribute attribute = Attribute.atPosition(p);
            int max = space.size(attribute) - 1;
            if (vector[p] < 0 || vector[p] > max) {
                throw new InvalidCommandException(
                        "state[" + p + "]",
                        attribute.displayName() + " code " + vector[p] + " is out of range 0.." + max);
            }
        }
        return space.indexOfVector(vector);
    }
}
