package org.campaignrl.domain;

import static org.campaignrl.domain.Spaces.codes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.ConvergingQLearner.Technique;
import org.campaignrl.domain.quality.Convergence;
import org.campaignrl.domain.quality.OptimalPlan;
import org.campaignrl.domain.quality.PolicyQuality;
import org.junit.jupiter.api.Test;

class ConvergingQLearnerTest {
    private static final RewardRule RULE = new RewardRule(0.30, 10, 3);
    private static final double GAMMA = 0.6;

    /** Goals, responding cells and silent cells scattered at random. */
    private static Environment randomEnvironment(StateSpace space, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Spaces.CellsBuilder cells = Spaces.CellsBuilder.on(space);
        for (int s = 0; s < space.size(); s++) {
            long sends = random.nextInt(30);
            int kind = random.nextInt(40);
            cells.at(s, sends, kind == 0 ? sends : kind < 12 ? sends / 10 : 0);
        }
        return new Environment(cells.build(), RULE);
    }

    private static ConvergingQLearner.Result untilConverged(Environment environment, OptimalPlan plan, long seed) {
        return new ConvergingQLearner(new Hyperparameters(true, 10_000_000, 0, 1, GAMMA, 100, seed))
                .train(environment, Convergence.against(plan), TrainingProgress.NONE);
    }

    @Test
    void trainingUntilConvergedReachesTheGreedyPolicyOfQStarAndStops() {
        for (StateSpace space : List.of(Spaces.tiny(), Spaces.small())) {
            for (long seed = 1; seed <= 3; seed++) {
                Environment environment = randomEnvironment(space, seed);
                OptimalPlan plan = new OptimalPlan(environment, GAMMA);
                ConvergingQLearner.Result result = untilConverged(environment, plan, seed);

                assertTrue(result.converged(), space + " seed " + seed);
                Convergence convergence = Convergence.of(result.qTable(), plan);
                assertEquals(space.size(), convergence.agreeingStates());
                assertTrue(convergence.meanAbsQError() <= Convergence.MAX_MEAN_ABS_ERROR);
                PolicyQuality learned = PolicyQuality.measure(result.qTable(), environment, plan, 100);
                PolicyQuality optimum = PolicyQuality.measure(plan.optimalQ(), environment, plan, 100);
                assertEquals(optimum.successfulStarts(), learned.successfulStarts());
                // It stopped at the first round that was converged: a whole number of rounds, not the cap.
                assertEquals(
                        (long) result.rounds() * space.size() * Action.COUNT,
                        result.stats().episodes());
                assertTrue(result.stats().episodes() < 10_000_000);
            }
        }
    }

    @Test
    void eachTechniqueOnItsOwnStillConverges() {
        Environment environment = randomEnvironment(Spaces.small(), 5);
        OptimalPlan plan = new OptimalPlan(environment, GAMMA);
        Technique best = Technique.DEFAULT;
        for (Technique technique : List.of(
                new Technique(false, best.backwardReplay(), best.alpha(), 0.1, best.horizon()),
                new Technique(best.exploringStarts(), false, best.alpha(), best.epsilon(), best.horizon()),
                new Technique(best.exploringStarts(), best.backwardReplay(), 0.5, best.epsilon(), best.horizon()),
                new Technique(best.exploringStarts(), best.backwardReplay(), best.alpha(), 0.2, best.horizon()),
                new Technique(best.exploringStarts(), best.backwardReplay(), best.alpha(), best.epsilon(), 1))) {
            ConvergingQLearner.Result result = new ConvergingQLearner(technique, GAMMA, 50_000_000, 3)
                    .train(environment, Convergence.against(plan), TrainingProgress.NONE);
            assertTrue(result.converged(), technique.toString());
        }
    }

    @Test
    void aCappedTrainingSaysItDidNotConverge() {
        Environment environment = randomEnvironment(Spaces.small(), 2);
        OptimalPlan plan = new OptimalPlan(environment, GAMMA);
        ConvergingQLearner.Result result = new ConvergingQLearner(new Hyperparameters(true, 1_000, 0, 1, GAMMA, 100, 2))
                .train(environment, Convergence.against(plan), TrainingProgress.NONE);

        assertFalse(result.converged());
        assertEquals(1_000, result.stats().episodes());
        assertFalse(Convergence.of(result.qTable(), plan).converged());
    }

    @Test
    void theSameSeedGivesTheSameTableAndAnotherSeedAnotherPath() {
        Environment environment = randomEnvironment(Spaces.small(), 4);
        OptimalPlan plan = new OptimalPlan(environment, GAMMA);
        ConvergenceCheck never = q -> new ConvergenceCheck.Verdict(false, 0, q.states());
        Hyperparameters h = new Hyperparameters(true, 30_000, 0.1, 1, GAMMA, 100, 11);
        QTable first = new ConvergingQLearner(h)
                .train(environment, never, TrainingProgress.NONE)
                .qTable();
        QTable again = new ConvergingQLearner(h)
                .train(environment, never, TrainingProgress.NONE)
                .qTable();
        QTable other = new ConvergingQLearner(new Hyperparameters(true, 30_000, 0.1, 1, GAMMA, 100, 12))
                .train(environment, never, TrainingProgress.NONE)
                .qTable();

        assertArrayEquals(first.toArray(), again.toArray());
        assertFalse(java.util.Arrays.equals(first.toArray(), other.toArray()));
        assertTrue(Convergence.of(first, plan).agreeingStates() > 0);
    }

    @Test
    void anEpisodeIsReplayedBackwardsSoTheGoalReachesItsFirstStepAtOnce() {
        // Every cell responded once in 100 sends (+10, no goal) except one goal two days ahead of the start.
        // The first round starts an episode from every pair; the one from (start, next day) that walks on to the
        // goal learns, last transition first, 30 for the step into the goal and then 10 + γ·30 for the first step.
        StateSpace tiny = Spaces.tiny();
        int start = tiny.indexOfCodes(codes(0, 0, 0, 0, 0, 0, 0));
        int between = tiny.indexOfCodes(codes(0, 1, 0, 0, 0, 0, 0));
        int goal = tiny.indexOfCodes(codes(0, 2, 0, 0, 0, 0, 0));
        Environment environment = new Environment(
                Spaces.CellsBuilder.on(tiny).everywhere(100, 1).at(goal, 50, 40).build(), RULE);
        List<QTable> rounds = new ArrayList<>();
        ConvergenceCheck recordFirstRound = q -> {
            rounds.add(q);
            return new ConvergenceCheck.Verdict(true, q.states(), q.states());
        };
        new ConvergingQLearner(new Technique(true, true, 1, 0, 2), GAMMA, 10_000_000, 1)
                .train(environment, recordFirstRound, TrainingProgress.NONE);

        QTable afterOneRound = rounds.get(0);
        assertEquals(30, afterOneRound.value(between, Action.NEXT_DAY.code()), 1e-12);
        assertTrue(
                afterOneRound.value(start, Action.NEXT_DAY.code()) >= 10 + GAMMA * 30 - 1e-12,
                "the first step learned from the goal in the same round");
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Technique(true, true, 0, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> new Technique(true, true, 1, -0.1, 8));
        assertThrows(IllegalArgumentException.class, () -> new Technique(true, true, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new QLearner(Hyperparameters.DEFAULT));
    }
}
