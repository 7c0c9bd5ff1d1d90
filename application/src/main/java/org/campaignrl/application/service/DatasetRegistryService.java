package org.campaignrl.application.service;

import java.util.List;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.DatasetRegistryUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;

public final class DatasetRegistryService implements DatasetRegistryUseCase {
    private final DatasetRepository datasets;
    private final ModelRepository models;

    public DatasetRegistryService(DatasetRepository datasets, ModelRepository models) {
        this.datasets = datasets;
        this.models = models;
    }

    @Override
    public List<DatasetListing> datasets() {
        return datasets.list();
    }

    @Override
    public DatasetDetails dataset(ShowDatasetCommand query) {
        DatasetListing dataset = datasets.describe(query.datasetId())
                .orElseThrow(() -> new NotFoundException("no dataset with id " + query.datasetId()));
        return new DatasetDetails(
                dataset,
                models.list().stream()
                        .filter(model -> model.datasetId() == dataset.id())
                        .map(ModelSummary::id)
                        .toList());
    }
}
