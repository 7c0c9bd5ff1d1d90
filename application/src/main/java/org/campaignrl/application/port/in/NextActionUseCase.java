package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;
import static org.campaignrl.application.Validate.within;

import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;

/** Applies an action to a state and answers the active model's best action in the state reached. */
public interface NextActionUseCase {

    NextAction nextAction(NextActionCommand command);

    /** {@code state}: subject id, then the codes of day, tenure, domain, age, gender, type. */
    record NextActionCommand(int[] state, int action) {
        public NextActionCommand {
            notNull(state, "state");
            if (state.length != Attribute.COUNT) {
                throw new InvalidCommandException(
                        "state",
                        "must have " + Attribute.COUNT
                                + " values [subject_id, day, tenure, domain, age, gender, type], had " + state.length);
            }
            state = state.clone();
            within(action, 0, Action.COUNT - 1, "action");
        }
    }

    /** The state reached by the given action, and the best action from there. */
    record NextAction(long modelId, int[] reachedState, int nextAction) {}
}
