package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.application.port.in.ExploreStateUseCase;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.GreedyPolicy;
import org.campaignrl.domain.QTable;

public final class ExploreStateService implements ExploreStateUseCase {
    private final ActiveModel activeModel;

    public ExploreStateService(ActiveModel activeModel) {
        this.activeModel = activeModel;
    }

    @Override
    public StateView explore(ExploreStateCommand command) {
        ServingSnapshot snapshot = activeModel.snapshot();
        Environment environment = snapshot.environment();
        int state = NextActionService.stateIndex(environment.space(), command.state());
        QTable q = snapshot.model().model().qTable();

        List<ActionView> actions = new ArrayList<>(Action.COUNT);
        for (Action action : Action.values()) {
            int next = environment.next(state, action.code());
            actions.add(new ActionView(
                    action.code(),
                    action.attribute().displayName(),
                    q.value(state, action.code()),
                    CellViews.of(environment, next)));
        }
        GreedyPolicy.Rollout rollout = snapshot.policy().rollout(state, snapshot.maxSteps());
        List<CellView> path =
                rollout.states().stream().map(s -> CellViews.of(environment, s)).toList();
        return new StateView(
                snapshot.model().id(),
                CellViews.of(environment, state),
                environment.rewardOnEntering(state),
                actions,
                q.bestAction(state),
                path,
                rollout.end().name());
    }
}
