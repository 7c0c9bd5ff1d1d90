package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;

import java.util.List;
import java.util.Map;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.TrainingStats;

/** The stored model versions: list them, look at one, compare two. */
public interface ModelRegistryUseCase {

    /** Every version with its metrics, newest first. */
    List<ModelSummary> models();

    /** One version in full but for its Q table: summary and learning curve. */
    ModelDetails model(ShowModelCommand query);

    ModelComparison compare(CompareModelsCommand query);

    record ShowModelCommand(long modelId) {
        public ShowModelCommand {
            atLeast(modelId, 1, "id");
        }
    }

    /** {@code a} is the baseline, {@code b} the model compared with it. */
    record CompareModelsCommand(long a, long b) {
        public CompareModelsCommand {
            atLeast(a, 1, "a");
            atLeast(b, 1, "b");
        }
    }

    record ModelDetails(ModelSummary summary, int startState, List<TrainingStats.CurvePoint> curve) {
        public ModelDetails {
            curve = List.copyOf(curve);
        }

        public static ModelDetails of(ModelVersion version, boolean active) {
            return new ModelDetails(
                    ModelSummary.of(version, active),
                    version.model().startState(),
                    version.model().stats().curve());
        }
    }

    /**
     * How {@code b} differs from {@code a}. States are matched by what they mean (subject id, email
     * domain and the other codes), so models trained on datasets with different subjects or domains
     * are compared on the states both know. {@code changedByAction} counts, per action {@code b} now
     * takes, the changed states ({@code Action.values()} order).
     */
    record ModelComparison(
            ModelSummary a,
            ModelSummary b,
            int comparedStates,
            int changedStates,
            int statesOnlyInA,
            int statesOnlyInB,
            List<Integer> changedByAction,
            List<FigurePair> figures) {
        public ModelComparison {
            changedByAction = List.copyOf(changedByAction);
            figures = List.copyOf(figures);
            if (changedByAction.size() != Action.COUNT) {
                throw new IllegalArgumentException("one count per action");
            }
        }

        public double changedShare() {
            return comparedStates == 0 ? 0 : (double) changedStates / comparedStates;
        }
    }

    /**
     * One quality figure of both models, by name; null where a model has no such figure, and then
     * no difference either. {@code difference} is {@code b − a}.
     */
    record FigurePair(String name, Double a, Double b, Double difference) {
        public static List<FigurePair> of(Map<String, Double> a, Map<String, Double> b) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>(a.keySet());
            names.addAll(b.keySet());
            return names.stream()
                    .map(name -> {
                        Double valueA = a.get(name);
                        Double valueB = b.get(name);
                        return new FigurePair(
                                name, valueA, valueB, valueA == null || valueB == null ? null : valueB - valueA);
                    })
                    .toList();
        }
    }
}
