package org.campaignrl.domain.campaign;

/**
 * What a plan expects, before anything is sent: how many customers were eligible (every customer of the dataset
 * with a profile in its state space), how many audiences (a profile on its day) there were to choose from, and
 * the responses to expect from each group. The control's expectation is 0 when it gets nothing.
 */
public record PlanFigures(long eligible, int audiences, Expectation target, Expectation explore, Expectation control) {
    public PlanFigures {
        if (target == null || explore == null || control == null) {
            throw new IllegalArgumentException("every group's expectation is required");
        }
        if (eligible < 0 || target.customers() + explore.customers() + control.customers() > eligible) {
            throw new IllegalArgumentException(
                    "a plan cannot hold more customers than are eligible (" + eligible + ")");
        }
    }

    /** Target and explore: the emails the ranking chose. */
    public Expectation chosen() {
        return Expectation.sum(target, explore);
    }

    /** Every customer in the plan. */
    public long customers() {
        return target.customers() + explore.customers() + control.customers();
    }
}
