package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.port.in.RankAudiencesUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.campaignrl.domain.ranking.AudienceRanking;
import org.campaignrl.domain.ranking.BestDay;
import org.campaignrl.domain.ranking.ProfileCounts;
import org.campaignrl.domain.ranking.RankingOptions;
import org.campaignrl.domain.ranking.Segment;
import org.campaignrl.domain.ranking.SegmentRanking;
import org.campaignrl.domain.ranking.SegmentSummary;

/** Ranks the served dataset's audiences (the latest dataset before any model is served). */
public final class RankAudiencesService implements RankAudiencesUseCase {
    private final ActiveModel activeModel;
    private final DatasetRepository datasets;
    /** The customers per profile of the dataset last ranked: read once per dataset, not per request. */
    private volatile DatasetProfiles lastProfiles;

    private record DatasetProfiles(long datasetId, Optional<ProfileCounts> counts) {}

    public RankAudiencesService(ActiveModel activeModel, DatasetRepository datasets) {
        this.activeModel = activeModel;
        this.datasets = datasets;
    }

    @Override
    public RankedAudiences rank(RankAudiencesCommand command) {
        DatasetVersion dataset = activeModel
                .snapshotIfAny()
                .map(ServingSnapshot::dataset)
                .or(datasets::loadLatest)
                .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first"));
        Cells cells = dataset.cells();
        StateSpace space = cells.space();
        int subjectCode = space.subjectCode(command.subjectId());
        if (subjectCode < 0) {
            throw new NotFoundException("subject line " + command.subjectId() + " is not in the data; known ids: "
                    + Arrays.toString(space.subjectIds()));
        }
        Segment chosen = chosenSegment(space, subjectCode, command.fixed());
        Optional<ProfileCounts> profiles = profileCounts(dataset.id(), space);

        RankingOptions options =
                new RankingOptions(command.method(), command.confidence(), command.minSends(), IntervalMethod.WILSON);
        List<RankedAudience> rankedCells = new ArrayList<>();
        for (AudienceRanking.Entry entry :
                AudienceRanking.rank(cells, subjectCode, options).entries()) {
            if (rankedCells.size() == command.limit()) {
                break;
            }
            if (chosen.matches(space, entry.state())) {
                rankedCells.add(audience(
                        space,
                        Segment.ofState(space, entry.state()),
                        entry.sends(),
                        entry.responses(),
                        entry.interval(),
                        entry.score(),
                        profiles.map(counts -> counts.customers(Segment.ofState(space, entry.state())))
                                .orElse(-1L),
                        command.emails()));
            }
        }

        SegmentRanking.Options segmentOptions = new SegmentRanking.Options(
                Math.max(command.maxFixedInSegments(), chosen.fixedCount() - 1),
                command.minSends(),
                IntervalMethod.WILSON,
                command.confidence());
        List<RankedAudience> rankedSegments = new ArrayList<>();
        for (SegmentSummary summary : SegmentRanking.rank(cells, subjectCode, segmentOptions, profiles.orElse(null))
                .entries()) {
            if (rankedSegments.size() == command.limit()) {
                break;
            }
            if (within(summary.segment(), chosen)) {
                rankedSegments.add(audience(
                        space,
                        summary.segment(),
                        summary.sends(),
                        summary.responses(),
                        summary.conversion(),
                        summary.conversion().lower(),
                        summary.customers().orElse(-1),
                        command.emails()));
            }
        }

        Optional<DayChoice> bestDay = chosen.isFixed(Attribute.DAY)
                ? Optional.empty()
                : Optional.of(bestDay(cells, chosen, command.confidence()));
        return new RankedAudiences(
                dataset.id(),
                command.subjectId(),
                space.label(Attribute.SUBJECT, subjectCode),
                command.method().name(),
                command.confidence(),
                command.emails(),
                rankedCells,
                rankedSegments,
                bestDay);
    }

    /**
     * Customers per profile of a dataset that kept its customers; empty for one that did not (ingested before
     * they were kept, or by an engine that keeps none): its audiences' sizes are then unknown.
     */
    private Optional<ProfileCounts> profileCounts(long datasetId, StateSpace space) {
        DatasetProfiles last = lastProfiles;
        if (last == null || last.datasetId() != datasetId) {
            last = new DatasetProfiles(
                    datasetId,
                    datasets.profiles(datasetId)
                            .filter(profiles -> profiles.size() > 0)
                            .map(profiles -> profiles.counts(space)));
            lastProfiles = last;
        }
        return last.counts();
    }

    private static Segment chosenSegment(StateSpace space, int subjectCode, int[] fixed) {
        Segment segment = Segment.ofSubject(subjectCode);
        for (int slot = 1; slot < Attribute.COUNT; slot++) {
            Attribute attribute = Attribute.atPosition(slot);
            if (fixed[slot] >= 0) {
                if (fixed[slot] >= space.size(attribute)) {
                    throw new InvalidCommandException(
                            "fixed." + attribute.name().toLowerCase(java.util.Locale.ROOT),
                            attribute.displayName() + " code " + fixed[slot] + " is out of range 0.."
                                    + (space.size(attribute) - 1));
                }
                segment = segment.with(attribute, fixed[slot]);
            }
        }
        return segment;
    }

    /** Whether a segment lies inside the chosen audience: it fixes at least what the audience fixes, to the same codes. */
    private static boolean within(Segment segment, Segment chosen) {
        for (Attribute attribute : Attribute.values()) {
            if (chosen.isFixed(attribute) && segment.code(attribute) != chosen.code(attribute)) {
                return false;
            }
        }
        return true;
    }

    private static RankedAudience audience(
            StateSpace space,
            Segment segment,
            long sends,
            long responses,
            ConversionInterval interval,
            double score,
            long customers,
            long emails) {
        List<Integer> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            int code = segment.code(attribute);
            codes.add(code == Segment.ANY ? -1 : attribute == Attribute.SUBJECT ? space.subjectId(code) : code);
            labels.add(code == Segment.ANY ? "any" : space.label(attribute, code));
        }
        // An audience of known size takes no more emails than it has customers.
        var expected = interval.expectedResponses(customers < 0 ? emails : Math.min(emails, customers));
        return new RankedAudience(
                codes,
                labels,
                sends,
                responses,
                interval.rate(),
                interval.lower(),
                interval.upper(),
                score,
                customers,
                expected.expected(),
                expected.lower(),
                expected.upper());
    }

    private static DayChoice bestDay(Cells cells, Segment chosen, double confidence) {
        BestDay best = BestDay.of(cells, chosen, IntervalMethod.WILSON, confidence);
        List<DayRate> days = best.ranked().stream()
                .map(d -> new DayRate(
                        cells.space().label(Attribute.DAY, d.day()),
                        d.sends(),
                        d.responses(),
                        d.conversion().rate(),
                        d.conversion().lower(),
                        d.conversion().upper()))
                .toList();
        return new DayChoice(days, best.certainty().name(), best.probabilityBestBeatsRunnerUp());
    }
}
