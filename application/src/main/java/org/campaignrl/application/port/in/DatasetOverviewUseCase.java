package org.campaignrl.application.port.in;

import java.util.List;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;

/** The served dataset at a glance: conversion by each attribute, and subject line × day of week. */
public interface DatasetOverviewUseCase {

    DatasetOverview overview();

    record DatasetOverview(DatasetSummary dataset, List<AttributeBreakdown> byAttribute, SubjectByDay subjectByDay) {
        public DatasetOverview {
            byAttribute = List.copyOf(byAttribute);
        }
    }

    /** Sends and responses summed over every other attribute, per value of one attribute. */
    record AttributeBreakdown(String attribute, List<ValueStats> values) {
        public AttributeBreakdown {
            values = List.copyOf(values);
        }
    }

    record ValueStats(String label, long sends, long responses) {
        public double conversion() {
            return sends == 0 ? 0 : (double) responses / sends;
        }
    }

    /** {@code cells.get(subject).get(day)}: a heat map's rows are subject lines, its columns days. */
    record SubjectByDay(List<String> subjects, List<String> days, List<List<ValueStats>> cells) {
        public SubjectByDay {
            subjects = List.copyOf(subjects);
            days = List.copyOf(days);
            cells = cells.stream().map(List::copyOf).toList();
        }
    }
}
