package org.campaignrl.application.port.in;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.ModelSummary;

/** What is loaded: the active model and its dataset, and the other versions. */
public interface ServingStatusUseCase {

    ServingStatus status();

    /** Whether a model is being served: from memory, cheap enough for every health check. */
    boolean serving();

    record ServingStatus(
            Optional<ModelSummary> activeModel,
            Optional<DatasetSummary> activeDataset,
            Optional<DatasetSummary> latestDataset,
            List<ModelSummary> models) {}

    /** A dataset without its cells. */
    record DatasetSummary(
            long id,
            java.time.Instant createdAt,
            org.campaignrl.application.model.IngestSummary summary,
            int states,
            int nonEmptyCells,
            List<Integer> subjectIds,
            List<String> domains,
            org.campaignrl.application.model.SendSplit split) {
        public static DatasetSummary of(DatasetVersion dataset) {
            var space = dataset.cells().space();
            return new DatasetSummary(
                    dataset.id(),
                    dataset.createdAt(),
                    dataset.summary(),
                    space.size(),
                    dataset.cells().nonEmptyCount(),
                    java.util.Arrays.stream(space.subjectIds()).boxed().toList(),
                    space.domains(),
                    dataset.split());
        }

        public static DatasetSummary of(org.campaignrl.application.model.DatasetListing listing) {
            return new DatasetSummary(
                    listing.id(),
                    listing.createdAt(),
                    listing.summary(),
                    listing.states(),
                    listing.cellsWithSends(),
                    listing.subjectIds(),
                    listing.domains(),
                    listing.split());
        }
    }
}
