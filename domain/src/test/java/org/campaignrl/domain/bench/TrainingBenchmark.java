package org.campaignrl.domain.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingProgress;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training loop and the environment step, on a space shaped like the full-size data: 3 subject lines,
 * 6 domains (17 640 states), some 1.2 % goal cells, almost every other cell responded at least once.
 *
 * <p>Run (after {@code mvn -pl domain test-compile}) with the bench script, or:
 * {@code java -cp domain/target/test-classes:domain/target/classes:<jmh jars> org.openjdk.jmh.Main TrainingBenchmark}.
 * {@code train20000Episodes} reports default training runs per second (1000 / score = ms per run), its
 * {@code steps} counter the environment steps per second; {@code environmentStep} the time of one step of
 * the environment alone.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainingBenchmark {
    private static final int WALK_STEPS = 1 << 20;

    private Environment environment;
    private QLearner learner;
    private int[] walkActions;

    @Setup
    public void setUp() {
        environment = fullSizeLikeEnvironment(42);
        learner = new QLearner(Hyperparameters.ORIGINAL);
        SplittableRandom random = new SplittableRandom(7);
        walkActions = new int[WALK_STEPS];
        for (int i = 0; i < WALK_STEPS; i++) {
            walkActions[i] = random.nextInt(Action.COUNT);
        }
    }

    /** Environment steps taken, as a rate next to the time per training run. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Steps {
        public long steps;

        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public QLearner.Result train20000Episodes(Steps counter) {
        QLearner.Result result = learner.train(environment, 0, TrainingProgress.NONE);
        counter.steps += result.stats().totalSteps();
        return result;
    }

    /** A walk of one step per action drawn beforehand: next state, reward and goal flag of the state entered. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(WALK_STEPS)
    public double environmentStep() {
        int state = 0;
        double total = 0;
        for (int action : walkActions) {
            state = environment.next(state, action);
            total += environment.isGoal(state) ? 0 : environment.rewardOnEntering(state);
        }
        return total;
    }

    /** Cells like the full-size default run's: about 140 sends a cell, 10 % responding, 1.2 % goals. */
    static Environment fullSizeLikeEnvironment(long seed) {
        StateSpace space = new StateSpace(
                new int[] {1, 2, 3},
                List.of("aol.com", "comcast.net", "gmail.com", "hotmail.com", "msn.com", "yahoo.com"));
        SplittableRandom random = new SplittableRandom(seed);
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (int s = 0; s < space.size(); s++) {
            sends[s] = 20 + random.nextInt(240);
            double rate = random.nextInt(1000) < 12 ? 0.35 + 0.3 * random.nextDouble() : 0.2 * random.nextDouble();
            responses[s] = Math.round(sends[s] * rate);
        }
        return new Environment(new Cells(space, sends, responses), RewardRule.DEFAULT);
    }
}
