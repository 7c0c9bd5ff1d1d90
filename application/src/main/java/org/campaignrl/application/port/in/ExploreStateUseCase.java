package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;

import java.util.List;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.domain.Attribute;

/** One state seen through the active model: its cell, the value of each action, and the greedy path from it. */
public interface ExploreStateUseCase {

    StateView explore(ExploreStateCommand command);

    /** {@code state}: subject id, then the codes of day, tenure, domain, age, gender, type. */
    record ExploreStateCommand(int[] state) {
        public ExploreStateCommand {
            notNull(state, "state");
            if (state.length != Attribute.COUNT) {
                throw new InvalidCommandException(
                        "state", "must have " + Attribute.COUNT + " values, had " + state.length);
            }
            state = state.clone();
        }
    }

    /** A cell: its state vector, a label per attribute (subject included) and its history. */
    record CellView(
            List<Integer> state, List<String> labels, long sends, long responses, double conversion, boolean goal) {
        public CellView {
            state = List.copyOf(state);
            labels = List.copyOf(labels);
        }
    }

    /** What taking an action from the explored state leads to, and what the model thinks of it. */
    record ActionView(int action, String attribute, double qValue, CellView next) {}

    record StateView(
            long modelId,
            CellView cell,
            double rewardOnEntering,
            List<ActionView> actions,
            int bestAction,
            List<CellView> greedyPath,
            String pathEnd) {
        public StateView {
            actions = List.copyOf(actions);
            greedyPath = List.copyOf(greedyPath);
        }
    }
}
