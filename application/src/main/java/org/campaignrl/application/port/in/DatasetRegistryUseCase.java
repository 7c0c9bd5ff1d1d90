package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;

import java.util.List;
import org.campaignrl.application.model.DatasetListing;

/** The stored datasets, without their cells: what was ingested, from which files, with what result. */
public interface DatasetRegistryUseCase {

    /** Newest first. */
    List<DatasetListing> datasets();

    /** One dataset and the models trained on it (ids, newest first). */
    DatasetDetails dataset(ShowDatasetCommand query);

    record ShowDatasetCommand(long datasetId) {
        public ShowDatasetCommand {
            atLeast(datasetId, 1, "id");
        }
    }

    record DatasetDetails(DatasetListing dataset, List<Long> modelIds) {
        public DatasetDetails {
            modelIds = List.copyOf(modelIds);
        }
    }
}
