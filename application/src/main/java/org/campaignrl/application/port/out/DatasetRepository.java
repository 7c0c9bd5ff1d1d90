package org.campaignrl.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * Stores ingested datasets. The latest saved one is the current dataset that training uses. A dataset keeps the
 * customers its ingest accepted ({@link AggregatedLogs#customers()}): their profiles for planning, their addresses
 * for exports only. Addresses are personal data: an implementation never logs them, nor puts them in an
 * exception's message.
 */
public interface DatasetRepository {
    /**
     * Stores the dataset, its customers and the files it was read from in one transaction (all or nothing) and
     * returns its id.
     */
    long save(AggregatedLogs logs, List<InputFile> inputs, Instant createdAt);

    /** Stores a dataset whose input files are not known. */
    default long save(AggregatedLogs logs, Instant createdAt) {
        return save(logs, List.of(), createdAt);
    }

    Optional<DatasetVersion> load(long id);

    Optional<DatasetVersion> loadLatest();

    /** Every dataset without its cells, newest first. */
    List<DatasetListing> list();

    /** One dataset without its cells. */
    Optional<DatasetListing> describe(long id);

    /**
     * The customers of a dataset without their addresses: ids ascending with their codes, in a few arrays however
     * many there are (no object per customer). Empty when there is no such dataset; a dataset stored without
     * customers (before they were kept, or by an engine that does not keep them) has
     * {@link CustomerProfiles#empty()}.
     *
     * <p>The default is for storage that keeps no customers.
     */
    default Optional<CustomerProfiles> profiles(long datasetId) {
        return describe(datasetId).map(listing -> CustomerProfiles.empty());
    }

    /**
     * The addresses of a dataset's customers, ascending customer id, streamed: an implementation holds only a
     * batch of them at a time, so that an export of a million does not sit in memory. The caller closes the
     * stream (try-with-resources); it may hold a connection until then. Empty for a dataset stored without
     * customers or one that does not exist.
     *
     * <p>The default is for storage that keeps no customers.
     */
    default Stream<CustomerAddress> addresses(long datasetId) {
        return Stream.empty();
    }
}
