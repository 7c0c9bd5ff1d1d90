package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.port.in.DatasetOverviewUseCase;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/** Sums the served dataset's cells (the latest one before any model is served) by attribute. */
public final class DatasetOverviewService implements DatasetOverviewUseCase {
    private final ActiveModel activeModel;
    private final DatasetRepository datasets;

    public DatasetOverviewService(ActiveModel activeModel, DatasetRepository datasets) {
        this.activeModel = activeModel;
        this.datasets = datasets;
    }

    @Override
    public DatasetOverview overview() {
        DatasetVersion dataset = activeModel
                .snapshotIfAny()
                .map(ServingSnapshot::dataset)
                .or(datasets::loadLatest)
                .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first"));
        Cells cells = dataset.cells();
        StateSpace space = cells.space();

        List<AttributeBreakdown> byAttribute = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            long[] sends = new long[space.size(attribute)];
            long[] responses = new long[space.size(attribute)];
            for (int state = 0; state < space.size(); state++) {
                int code = space.code(state, attribute);
                sends[code] += cells.sends(state);
                responses[code] += cells.responses(state);
            }
            List<ValueStats> values = new ArrayList<>();
            for (int code = 0; code < sends.length; code++) {
                values.add(new ValueStats(space.label(attribute, code), sends[code], responses[code]));
            }
            byAttribute.add(new AttributeBreakdown(attribute.displayName(), values));
        }
        return new DatasetOverview(DatasetSummary.of(dataset), byAttribute, subjectByDay(cells));
    }

    private static SubjectByDay subjectByDay(Cells cells) {
        StateSpace space = cells.space();
        int subjects = space.size(Attribute.SUBJECT);
        int days = space.size(Attribute.DAY);
        long[][] sends = new long[subjects][days];
        long[][] responses = new long[subjects][days];
        for (int state = 0; state < space.size(); state++) {
            int subject = space.code(state, Attribute.SUBJECT);
            int day = space.code(state, Attribute.DAY);
            sends[subject][day] += cells.sends(state);
            responses[subject][day] += cells.responses(state);
        }
        List<String> subjectLabels = new ArrayList<>();
        List<String> dayLabels = new ArrayList<>();
        List<List<ValueStats>> rows = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            dayLabels.add(space.label(Attribute.DAY, day));
        }
        for (int subject = 0; subject < subjects; subject++) {
            subjectLabels.add(space.label(Attribute.SUBJECT, subject));
            List<ValueStats> row = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                row.add(new ValueStats(dayLabels.get(day), sends[subject][day], responses[subject][day]));
            }
            rows.add(row);
        }
        return new SubjectByDay(subjectLabels, dayLabels, rows);
    }
}
