package org.campaignrl.domain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.ConvergingQLearner;
import org.campaignrl.domain.ConvergingQLearner.Technique;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingProgress;
import org.campaignrl.domain.quality.Convergence;
import org.campaignrl.domain.quality.OptimalPlan;
import org.campaignrl.domain.quality.PolicyQuality;

/**
 * Each choice of {@link ConvergingQLearner.Technique} on its own, on cells exported by {@code export-cells}, at
 * several targets: episodes, steps and CPU time to convergence, and the policy's figures. Prints a Markdown table.
 *
 * <p>{@code java -cp domain/target/test-classes:domain/target/classes org.campaignrl.domain.bench.LearnerComparison
 * CELLS.csv [target/minSends ...]} (scripts/learner-comparison.sh runs it on the sample and on full-size logs).
 */
public final class LearnerComparison {
    private static final long MAX_EPISODES = 50_000_000L;
    private static final long SEED = 42;
    /** Training time as this thread's CPU time: less at the mercy of a shared, loaded machine than the wall clock. */
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        Cells cells = readExportedCells(Path.of(args[0]));
        List<RewardRule> rules = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split("/");
            rules.add(new RewardRule(Double.parseDouble(parts[0]), Long.parseLong(parts[1]), 3));
        }
        if (rules.isEmpty()) {
            rules.add(RewardRule.DEFAULT);
        }
        Map<String, Technique> techniques = new LinkedHashMap<>();
        Technique chosen = Technique.DEFAULT;
        double alpha = chosen.alpha();
        techniques.put("chosen: exploring starts, α 1, one step", chosen);
        techniques.put("uniform random starts, ε 0.1", new Technique(false, false, alpha, 0.1, chosen.horizon()));
        techniques.put("α 0.5", new Technique(true, false, 0.5, 0, chosen.horizon()));
        techniques.put("α 0.1", new Technique(true, false, 0.1, 0, chosen.horizon()));
        for (int horizon : new int[] {3, 8, 20}) {
            techniques.put("horizon " + horizon + ", online", new Technique(true, false, alpha, 0, horizon));
            techniques.put("horizon " + horizon + ", backward replay", new Technique(true, true, alpha, 0, horizon));
        }
        techniques.put("horizon 8, backward replay, ε 0.1", new Technique(true, true, alpha, 0.1, 8));
        if (Boolean.getBoolean("chosenOnly")) {
            techniques.keySet().retainAll(java.util.Set.of("chosen: exploring starts, α 1, one step"));
        }
        System.out.println(
                "| target / min sends | technique | converged | rounds | episodes | steps | training ms (CPU) "
                        + "| success (of reachable) | steps / fewest | agreement | mean abs Q error |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (RewardRule rule : rules) {
            Environment environment = new Environment(cells, rule);
            OptimalPlan plan = new OptimalPlan(environment, Hyperparameters.DEFAULT.gamma());
            String label = rule.targetRate() + " / " + rule.minSends() + " (" + environment.goalCount() + " goals)";
            print(label, "Q* itself", plan.optimalQ(), null, 0, environment, plan);
            long started = CPU.getCurrentThreadCpuTime();
            QLearner.Result classic =
                    new QLearner(Hyperparameters.ORIGINAL).train(environment, 0, TrainingProgress.NONE);
            print(
                    label,
                    "fixed 20 000 episodes (the old default)",
                    classic.qTable(),
                    null,
                    CPU.getCurrentThreadCpuTime() - started,
                    environment,
                    plan);
            for (Map.Entry<String, Technique> entry : techniques.entrySet()) {
                for (int warm = 0; warm < 3; warm++) { // the first runs time the JIT, not the learner
                    run(entry.getValue(), environment, plan);
                }
                started = CPU.getCurrentThreadCpuTime();
                ConvergingQLearner.Result result = run(entry.getValue(), environment, plan);
                print(
                        label,
                        entry.getKey(),
                        result.qTable(),
                        result,
                        CPU.getCurrentThreadCpuTime() - started,
                        environment,
                        plan);
            }
        }
    }

    private static ConvergingQLearner.Result run(Technique technique, Environment environment, OptimalPlan plan) {
        return new ConvergingQLearner(technique, Hyperparameters.DEFAULT.gamma(), MAX_EPISODES, SEED)
                .train(environment, Convergence.against(plan), TrainingProgress.NONE);
    }

    private static void print(
            String label,
            String name,
            org.campaignrl.domain.QTable q,
            ConvergingQLearner.Result result,
            long nanos,
            Environment environment,
            OptimalPlan plan) {
        PolicyQuality quality = PolicyQuality.measure(q, environment, plan, Hyperparameters.DEFAULT_MAX_STEPS);
        Convergence convergence = Convergence.of(q, plan);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %.0f | %.2f %% | %.3f | %.3f %% | %.4f |%n",
                label,
                name,
                result == null ? (convergence.converged() ? "yes" : "no") : result.converged() ? "yes" : "no",
                result == null ? "" : result.rounds(),
                result == null
                        ? ""
                        : String.format(Locale.ROOT, "%,d", result.stats().episodes()),
                result == null
                        ? ""
                        : String.format(Locale.ROOT, "%,d", result.stats().totalSteps()),
                nanos / 1e6,
                100 * quality.successRateOverReachable(),
                quality.meanSteps() / quality.meanOptimalSteps(),
                100 * convergence.greedyAgreement(),
                convergence.meanAbsQError());
    }

    /** The {@code email_campaign_data.csv} layout {@code export-cells} writes: codes, responses, sends. */
    static Cells readExportedCells(Path file) throws IOException {
        List<long[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        int maxSubject = 0;
        int maxDomain = 0;
        java.util.TreeSet<Integer> subjects = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long[] row = new long[f.length];
            for (int i = 0; i < f.length; i++) {
                row[i] = Long.parseLong(f[i].trim());
            }
            subjects.add((int) row[0]);
            maxDomain = Math.max(maxDomain, (int) row[3]);
            rows.add(row);
        }
        List<String> domains = new ArrayList<>();
        for (int d = 0; d <= maxDomain; d++) {
            domains.add(String.format(Locale.ROOT, "d%03d", d));
        }
        StateSpace space =
                new StateSpace(subjects.stream().mapToInt(Integer::intValue).toArray(), domains);
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (long[] r : rows) {
            // SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,Response_Received,Sent_Emails
            int index = space.indexOfVector(
                    new int[] {(int) r[0], (int) r[6], (int) r[4], (int) r[3], (int) r[5], (int) r[1], (int) r[2]});
            sends[index] += r[8];
            responses[index] += r[7];
        }
        return new Cells(space, sends, responses);
    }
}
