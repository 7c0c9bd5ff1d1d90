package org.campaignrl.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The readout's 95 % interval for the lift covers the truth's lift in at least 90 % of 50 seeded campaigns: each
 * planned afresh (its own seed: another control, another exploration) on one synthetic world, its customers
 * answering with their true probabilities. The truth's lift is the target's mean true probability less the
 * eligible customers' mean on the control's day: the control is a random sample of them, so that is what its
 * rate estimates.
 */
class LiftCoverageTest {
    private static final int CAMPAIGNS = 50;

    @Test
    void theLiftIntervalCoversTheTrueLiftInAtLeastNinetyPercentOfCampaigns() {
        World world = new World(20_000, 11);
        int covered = 0;
        StringBuilder misses = new StringBuilder();
        for (int k = 0; k < CAMPAIGNS; k++) {
            CampaignPlanner.Plan plan =
                    CampaignPlanner.plan(world.cells, world.customers, CampaignPlannerTest.budget(2_000, 0.1, 0.2, k));
            Assignments a = plan.assignments();
            SplittableRandom answers = new SplittableRandom(1_000 + k);
            BitSet sent = new BitSet();
            BitSet responded = new BitSet();
            double targetTruth = 0;
            long targets = 0;
            int controlDay = -1;
            for (int i = 0; i < a.size(); i++) {
                int position = world.customers.positionOf(a.customerId(i));
                int day = a.sendDate(i).getDayOfWeek().getValue() - 1;
                double p = world.truth(position, 1, day);
                sent.set(i);
                if (answers.nextDouble() < p) {
                    responded.set(i);
                }
                if (a.group(i) == Group.TARGET) {
                    targetTruth += p;
                    targets++;
                } else if (a.group(i) == Group.CONTROL) {
                    controlDay = day;
                }
            }
            double population = 0;
            for (int position = 0; position < world.customers.size(); position++) {
                population += world.truth(position, 1, controlDay);
            }
            double trueLift = targetTruth / targets - population / world.customers.size();
            Lift lift = ReadoutStatistics.of(a, sent, responded, ControlTreatment.BUSINESS_AS_USUAL)
                    .lift()
                    .orElseThrow();
            if (lift.absoluteLower() <= trueLift && trueLift <= lift.absoluteUpper()) {
                covered++;
            } else {
                misses.append(String.format(
                        java.util.Locale.ROOT,
                        " seed %d: %.4f not in [%.4f, %.4f];",
                        k,
                        trueLift,
                        lift.absoluteLower(),
                        lift.absoluteUpper()));
            }
        }
        assertTrue(covered >= 0.9 * CAMPAIGNS, covered + " of " + CAMPAIGNS + " covered;" + misses);
        System.out.println("LiftCoverageTest: " + covered + " of " + CAMPAIGNS + " intervals cover the true lift");
    }
}
