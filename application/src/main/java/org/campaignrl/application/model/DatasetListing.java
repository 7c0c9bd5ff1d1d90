package org.campaignrl.application.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A stored dataset as the registry lists it: everything but its cells. {@code states} is the size
 * of its state space; {@code cellsWithSends} how many of them were sent to (training cells only).
 */
public record DatasetListing(
        long id,
        Instant createdAt,
        IngestSummary summary,
        SendSplit split,
        List<InputFile> inputs,
        List<Integer> subjectIds,
        List<String> domains,
        int states,
        int cellsWithSends) {

    public DatasetListing {
        inputs = List.copyOf(inputs);
        subjectIds = List.copyOf(subjectIds);
        domains = List.copyOf(domains);
    }

    public static DatasetListing of(DatasetVersion dataset) {
        var space = dataset.cells().space();
        return new DatasetListing(
                dataset.id(),
                dataset.createdAt(),
                dataset.summary(),
                dataset.split(),
                dataset.inputs(),
                Arrays.stream(space.subjectIds()).boxed().toList(),
                space.domains(),
                space.size(),
                dataset.cells().nonEmptyCount());
    }
}
