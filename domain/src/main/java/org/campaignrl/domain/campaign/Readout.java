package org.campaignrl.domain.campaign;

import java.util.List;
import java.util.Optional;

/**
 * What a plan's sends did: each group's conversion (target, explore, control, those the plan has), the lift of
 * target over control (empty without a control group, or when either has no sends), and predicted against
 * observed by bins of prediction. Made by {@link ReadoutStatistics}.
 */
public record Readout(List<GroupConversion> groups, Optional<Lift> lift, List<CalibrationRow> calibration) {
    public Readout {
        groups = List.copyOf(groups);
        calibration = List.copyOf(calibration);
        if (lift == null) {
            throw new IllegalArgumentException("lift must be given (empty when there is none)");
        }
    }

    /** The group's conversion, if the plan has that group. */
    public Optional<GroupConversion> group(Group group) {
        return groups.stream().filter(g -> g.group() == group).findFirst();
    }
}
