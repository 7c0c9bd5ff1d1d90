package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.campaignrl.application.port.in.ExploreStateUseCase.CellView;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.StateSpace;

/** Describes a state for people: its vector, a label per attribute, its history. */
final class CellViews {
    private CellViews() {}

    static CellView of(Environment environment, int state) {
        Cells cells = environment.cells();
        StateSpace space = cells.space();
        List<String> labels = new ArrayList<>(Attribute.COUNT);
        for (Attribute attribute : Attribute.values()) {
            labels.add(space.label(attribute, space.code(state, attribute)));
        }
        return new CellView(
                Arrays.stream(space.vectorOf(state)).boxed().toList(),
                labels,
                cells.sends(state),
                cells.responses(state),
                cells.conversion(state),
                environment.isGoal(state));
    }
}
