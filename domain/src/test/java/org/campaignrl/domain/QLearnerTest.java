package org.campaignrl.domain;

import static org.campaignrl.domain.Spaces.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QLearnerTest {
    /** target 0.30 on more than 10 sends; a goal pays 30. */
    private static final RewardRule RULE = new RewardRule(0.30, 10, 3);

    private final StateSpace tiny = Spaces.tiny();

    /** The tiny-space state on {@code day} with every other code 0. */
    private int day(int day) {
        return tiny.indexOfCodes(codes(0, day, 0, 0, 0, 0, 0));
    }

    private static QLearner.Result train(
            Environment environment,
            int start,
            int episodes,
            double epsilon,
            double alpha,
            double gamma,
            int maxSteps,
            long seed) {
        return new QLearner(Hyperparameters.fixed(episodes, epsilon, alpha, gamma, maxSteps, seed))
                .train(environment, start, TrainingProgress.NONE);
    }

    /** The Q entries that are not 0, keyed "state/action". */
    private static Map<String, Double> nonZero(QTable table) {
        Map<String, Double> entries = new HashMap<>();
        for (int s = 0; s < table.states(); s++) {
            for (int a = 0; a < Action.COUNT; a++) {
                if (table.value(s, a) != 0) {
                    entries.put(s + "/" + a, table.value(s, a));
                }
            }
        }
        return entries;
    }

    private static String entry(int state, Action action) {
        return state + "/" + action.code();
    }

    @Test
    void oneGreedyStepFromTheStartStateLearnsAlphaTimesTheRewardOfTheCellEntered() {
        int start = tiny.indexOfCodes(codes(0, 2, 3, 0, 1, 1, 0));
        int entered = tiny.indexOfCodes(codes(0, 3, 3, 0, 1, 1, 0));
        Environment environment =
                new Environment(Spaces.CellsBuilder.on(tiny).at(entered, 50, 5).build(), RULE);

        QLearner.Result result = train(environment, start, 1, 0, 0.5, 0.5, 1, 42);

        assertEquals(Map.of(entry(start, Action.NEXT_DAY), 0.5 * 10), nonZero(result.qTable()));
        assertEquals(1, result.stats().totalSteps());
    }

    @Test
    void aSecondStepLearnsFromTheStillEmptyValuesOfTheStateAfter() {
        int start = tiny.indexOfCodes(codes(0, 2, 3, 0, 1, 1, 0));
        int first = tiny.indexOfCodes(codes(0, 3, 3, 0, 1, 1, 0));
        Environment environment =
                new Environment(Spaces.CellsBuilder.on(tiny).at(first, 50, 5).build(), RULE);

        QLearner.Result result = train(environment, start, 1, 0, 0.5, 0.5, 2, 42);

        assertEquals(
                Map.of(
                        entry(start, Action.NEXT_DAY), 0.5 * (10 + 0.5 * 0 - 0),
                        entry(first, Action.NEXT_DAY), 0.5 * (-1 + 0.5 * 0 - 0)),
                nonZero(result.qTable()));
        assertEquals(2, result.stats().totalSteps());
    }

    @Test
    void goingRoundTheWeekTwiceBootstrapsFromWhatWasLearnedTheFirstTime() {
        // Every cell responded (+10) but converts far below target: no goals. Greedy ties pick NEXT_DAY,
        // so the walk goes Monday..Sunday and back to Monday, then on to Tuesday.
        Environment environment =
                new Environment(Spaces.CellsBuilder.on(tiny).everywhere(100, 1).build(), RULE);
        double alpha = 0.5;
        double gamma = 0.5;

        QLearner.Result result = train(environment, day(0), 1, 0, alpha, gamma, 8, 1);

        double firstPass = alpha * 10; // 5
        double sundayToMonday = alpha * (10 + gamma * firstPass); // 6.25
        double mondayAgain = firstPass + alpha * (10 + gamma * firstPass - firstPass); // 8.75
        Map<String, Double> expected = new HashMap<>();
        for (int d = 1; d <= 5; d++) {
            expected.put(entry(day(d), Action.NEXT_DAY), firstPass);
        }
        expected.put(entry(day(6), Action.NEXT_DAY), sundayToMonday);
        expected.put(entry(day(0), Action.NEXT_DAY), mondayAgain);
        assertEquals(expected, nonZero(result.qTable()));
        assertEquals(8.75, result.qTable().value(day(0), Action.NEXT_DAY.code()));
    }

    @Test
    void theBootstrapUsesTheBestValueOfTheNextStateAndGreedinessLeavesAnActionThatTurnedOutBad() {
        // No cell ever responded: every step costs 1. After a week of NEXT_DAY, Monday's NEXT_DAY is worth
        // less than its untried actions, so the walk switches to NEXT_TENURE there.
        Environment environment = new Environment(Spaces.CellsBuilder.on(tiny).build(), RULE);
        double alpha = 0.5;
        double gamma = 0.5;

        QLearner.Result result = train(environment, day(0), 1, 0, alpha, gamma, 9, 1);

        double step = alpha * (-1 + gamma * 0); // max Q(s',.) is still 0 everywhere the walk goes
        int mondayTenure1 = tiny.indexOfCodes(codes(0, 0, 1, 0, 0, 0, 0));
        Map<String, Double> expected = new HashMap<>();
        for (int d = 0; d <= 6; d++) {
            expected.put(entry(day(d), Action.NEXT_DAY), step);
        }
        expected.put(entry(day(0), Action.NEXT_TENURE), step);
        expected.put(entry(mondayTenure1, Action.NEXT_DAY), step);
        assertEquals(expected, nonZero(result.qTable()));
    }

    @Test
    void enteringAGoalEndsTheEpisodeAndLearnsTheRewardWithoutBootstrapping() {
        // Monday is a goal and the start; the other days responded on too few sends to be goals.
        Spaces.CellsBuilder cells = Spaces.CellsBuilder.on(tiny).at(day(0), 20, 20);
        for (int d = 1; d <= 6; d++) {
            cells.at(day(d), 5, 5);
        }
        Environment environment = new Environment(cells.build(), RULE);
        double alpha = 0.5;
        double gamma = 0.5;

        QLearner.Result result = train(environment, day(0), 1, 0, alpha, gamma, 100, 1);

        // Q(Monday, NEXT_DAY) = 5 when Sunday steps back into Monday; with a bootstrap it would add γ·5.
        assertEquals(alpha * 10, result.qTable().value(day(0), Action.NEXT_DAY.code()));
        assertEquals(alpha * 30, result.qTable().value(day(6), Action.NEXT_DAY.code()));
        assertEquals(7, result.stats().totalSteps(), "the episode stops on entering the goal");
        assertEquals(1, result.stats().episodesReachingGoal());
        assertEquals(1.0, result.stats().goalRate());
        assertEquals(7, nonZero(result.qTable()).size());
    }

    @Test
    void laterEpisodesStartAtRandomStatesSpreadOverTheWholeSpace() {
        StateSpace space = Spaces.small();
        Environment environment = new Environment(Spaces.CellsBuilder.on(space).build(), RULE);
        int episodes = 6 * space.size();

        QTable table = train(environment, 0, episodes, 0, 0.5, 0.5, 1, 3).qTable();

        int started = 0;
        for (int s = 0; s < space.size(); s++) {
            started += table.value(s, 0) != 0 ? 1 : 0;
        }
        // Uniform starts miss a state with probability (1 - 1/n)^(6n) ≈ e^-6 ≈ 0.25 %.
        assertTrue(started > 0.98 * space.size(), started + " of " + space.size() + " states were a start");
    }

    @Test
    void withEpsilonZeroTheLearnerAlwaysTakesTheGreedyAction() {
        // Every step costs 1, so a tried action drops below the untried ones (still 0): a state visited k times
        // has tried exactly actions 0..k-1.
        StateSpace space = Spaces.small();
        Environment environment = new Environment(Spaces.CellsBuilder.on(space).build(), RULE);

        QTable table = train(environment, 0, 3000, 0, 0.3, 0.6, 20, 5).qTable();

        int visited = 0;
        for (int s = 0; s < space.size(); s++) {
            int tried = 0;
            while (tried < Action.COUNT && table.value(s, tried) < 0) {
                tried++;
            }
            for (int a = tried; a < Action.COUNT; a++) {
                assertEquals(0.0, table.value(s, a), "state " + s + " tried action " + a + " out of greedy order");
            }
            visited += tried > 0 ? 1 : 0;
        }
        assertTrue(visited > 1000, visited + " states visited");
    }

    @Test
    void withEpsilonOneTheLearnerExploresActionsOutOfGreedyOrder() {
        StateSpace space = Spaces.small();
        Environment environment = new Environment(Spaces.CellsBuilder.on(space).build(), RULE);

        QTable table = train(environment, 0, 3000, 1, 0.3, 0.6, 20, 5).qTable();

        int[] triedPerAction = new int[Action.COUNT];
        int outOfOrder = 0;
        for (int s = 0; s < space.size(); s++) {
            boolean gap = false;
            for (int a = 0; a < Action.COUNT; a++) {
                if (table.value(s, a) != 0) {
                    triedPerAction[a]++;
                    outOfOrder += gap ? 1 : 0;
                    gap = false;
                } else {
                    gap = true;
                }
            }
        }
        for (int a = 0; a < Action.COUNT; a++) {
            assertTrue(triedPerAction[a] > 500, "action " + a + " tried in " + triedPerAction[a] + " states");
        }
        assertTrue(outOfOrder > 0);
    }

    @Test
    void trainingWithoutAnyGoalEndsWithEveryEpisodeCappedAtMaxSteps() {
        Environment environment =
                new Environment(Spaces.CellsBuilder.on(Spaces.small()).build(), RULE);
        assertEquals(0, environment.goalCount());

        QLearner.Result result = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> train(environment, 0, 2000, 0.1, 0.1, 0.6, 50, 42));

        assertEquals(2000, result.stats().episodes());
        assertEquals(2000L * 50, result.stats().totalSteps());
        assertEquals(0, result.stats().episodesReachingGoal());
        assertEquals(0.0, result.stats().goalRate());
        for (double value : result.qTable().toArray()) {
            assertTrue(value <= 0 && value >= -1 / (1 - 0.6), "value " + value);
        }
    }

    @Test
    void theSameSeedAndInputsGiveTheSameQTable() {
        Environment environment = mixedEnvironment();
        QLearner.Result first = train(environment, 17, 3000, 0.2, 0.1, 0.6, 100, 42);
        QLearner.Result second = train(mixedEnvironment(), 17, 3000, 0.2, 0.1, 0.6, 100, 42);

        assertEquals(first.qTable(), second.qTable());
        assertEquals(first.stats(), second.stats());
    }

    @Test
    void aDifferentSeedGivesADifferentQTable() {
        Environment environment = mixedEnvironment();
        QLearner.Result first = train(environment, 17, 3000, 0.2, 0.1, 0.6, 100, 42);
        QLearner.Result other = train(environment, 17, 3000, 0.2, 0.1, 0.6, 100, 43);

        assertNotEquals(first.qTable(), other.qTable());
    }

    @Test
    void theGreedyPolicyFromMostStatesReachesTheOnlyGoal() {
        int goal = tiny.indexOfCodes(codes(0, 3, 4, 0, 2, 1, 0));
        Environment environment =
                new Environment(Spaces.CellsBuilder.on(tiny).at(goal, 40, 30).build(), RULE);
        assertEquals(1, environment.goalCount());

        QLearner.Result result = train(environment, 0, 20_000, 0.2, 0.2, 0.9, 100, 11);
        GreedyPolicy policy = new GreedyPolicy(result.qTable(), environment);

        int reached = 0;
        int shortest = 0;
        for (int s = 0; s < tiny.size(); s++) {
            if (s == goal) {
                continue;
            }
            GreedyPolicy.Rollout rollout = policy.rollout(s, 100);
            if (rollout.reachedGoal()) {
                reached++;
                assertEquals(goal, rollout.states().get(rollout.states().size() - 1));
                shortest += rollout.steps() == distance(s, goal) ? 1 : 0;
            }
        }
        int others = tiny.size() - 1;
        assertTrue(reached >= 0.95 * others, reached + " of " + others + " states reach the goal");
        assertTrue(shortest >= 0.8 * others, shortest + " of " + others + " states take a shortest path");
        assertTrue(
                result.stats().goalRate() > 0.5, "goal rate " + result.stats().goalRate());
    }

    @Test
    void aStartStateOutsideTheSpaceIsRejected() {
        Environment environment = new Environment(Spaces.CellsBuilder.on(tiny).build(), RULE);
        QLearner learner = new QLearner(Hyperparameters.fixed(1, 0, 0.5, 0.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> learner.train(environment, -1, TrainingProgress.NONE));
        assertThrows(
                IllegalArgumentException.class, () -> learner.train(environment, tiny.size(), TrainingProgress.NONE));
    }

    @Test
    void theQTableCoversTheWholeSpace() {
        Environment environment = new Environment(Spaces.CellsBuilder.on(tiny).build(), RULE);
        QTable table = train(environment, 0, 1, 0, 0.5, 0.5, 1, 1).qTable();
        assertEquals(tiny.size(), table.states());
        assertEquals(tiny.size() * Action.COUNT, table.toArray().length);
    }

    /** Forward steps from one state to another: every attribute only moves forward, wrapping. */
    private int distance(int from, int to) {
        int[] a = tiny.codesOf(from);
        int[] b = tiny.codesOf(to);
        int steps = 0;
        for (Attribute attribute : Attribute.values()) {
            int p = attribute.position();
            int size = tiny.size(attribute);
            steps += ((b[p] - a[p]) % size + size) % size;
        }
        return steps;
    }

    /** Goals, responding cells and silent cells mixed over the small space. */
    private static Environment mixedEnvironment() {
        StateSpace space = Spaces.small();
        Spaces.CellsBuilder cells = Spaces.CellsBuilder.on(space);
        for (int s = 0; s < space.size(); s++) {
            long sends = (s * 7L) % 31;
            long responses = s % 97 == 0 ? sends : (s % 5 == 0 ? sends / 10 : 0);
            cells.at(s, sends, responses);
        }
        return new Environment(cells.build(), RULE);
    }
}
