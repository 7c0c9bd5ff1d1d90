package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;
import static org.campaignrl.application.Validate.notNull;
import static org.campaignrl.application.Validate.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.domain.quality.FoldReport;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.evaluation.Estimate;

/**
 * How good is a model: against the exact optimum of its environment, in the existing users' fold
 * protocol, on the held-out part of its dataset (when the ingest kept one), and against the known truth
 * of synthetic data (when given).
 */
public interface EvaluateModelUseCase {

    Evaluation evaluate(EvaluateModelCommand command);

    /**
     * @param modelId          empty for the active model
     * @param method           the ranking whose top-N audiences are measured on held-out sends
     * @param truthFile        a generator's truth.json, for regret against the true best cells
     */
    record EvaluateModelCommand(
            Optional<Long> modelId,
            RankingMethod method,
            int topN,
            long minSends,
            double confidence,
            int bootstrapSamples,
            long seed,
            int samplesPerFold,
            Optional<Path> truthFile) {
        public EvaluateModelCommand {
            modelId = modelId == null ? Optional.empty() : modelId;
            notNull(method, "method");
            atLeast(topN, 1, "topN");
            atLeast(minSends, 0, "minSends");
            within(confidence, 0, 1, "confidence");
            if (confidence == 0 || confidence == 1) {
                throw new InvalidCommandException("confidence", "must be strictly between 0 and 1");
            }
            within(bootstrapSamples, 0, 100_000, "bootstrapSamples");
            atLeast(samplesPerFold, 1, "samplesPerFold");
            truthFile = truthFile == null ? Optional.empty() : truthFile;
        }

        /** Top 10 by the Wilson lower bound at 95 %, cells of at least 10 sends, 1000 bootstrap draws, seed 42. */
        public static EvaluateModelCommand defaults(Optional<Long> modelId) {
            return new EvaluateModelCommand(
                    modelId, RankingMethod.WILSON_LOWER_BOUND, 10, 10, 0.95, 1000, 42, 1000, Optional.empty());
        }
    }

    /** {@code quality}: the figures of {@code PolicyQuality}, snake_case, in a stable order. */
    record Evaluation(
            long modelId,
            long datasetId,
            Map<String, Double> quality,
            FoldReport folds,
            Optional<HeldOut> heldOut,
            Optional<TruthComparison> truth) {}

    /** The held-out protocol's figures for the chosen method, and every method side by side. */
    record HeldOut(
            String split,
            String method,
            int topN,
            long minSends,
            int bootstrapSamples,
            Estimate baseRate,
            Estimate topConversion,
            Estimate oracleConversion,
            Estimate lift,
            Estimate regret,
            List<MethodResult> methods) {
        public HeldOut {
            methods = List.copyOf(methods);
        }
    }

    /** {@code overRawRate}: its top conversion minus raw-rate ranking's, with a paired interval (same bootstrap draws). */
    record MethodResult(String method, Estimate topConversion, Estimate lift, Estimate regret, Estimate overRawRate) {}

    /**
     * Mean true probability of the cells each method picks, against the truly best ones; and, when the
     * dataset has a held-out part, the held-out conversion of the truly best cells, to set beside each
     * method's.
     */
    record TruthComparison(String file, List<TruthResult> methods, Optional<Estimate> truthBestHeldOutConversion) {
        public TruthComparison {
            methods = List.copyOf(methods);
        }
    }

    record TruthResult(String method, double chosenMean, double bestMean, double regret) {}
}
