package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.AttributeBreakdown;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.DatasetOverview;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.ValueStats;
import org.campaignrl.application.port.in.ServingStatusUseCase.ServingStatus;

/** The overview page: the home page's facts plus conversion charts. */
public record OverviewView(HomeView home, List<BarChartView> charts, HeatmapView subjectByDay) {

    static OverviewView of(ServingStatus status, DatasetOverview overview) {
        List<BarChartView> charts = new ArrayList<>();
        if (overview != null) {
            for (AttributeBreakdown breakdown : overview.byAttribute()) {
                List<ValueStats> values = breakdown.values();
                charts.add(BarChartView.of(
                        "Conversion by " + breakdown.attribute().toLowerCase(java.util.Locale.ROOT),
                        "chart-"
                                + breakdown
                                        .attribute()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace(' ', '-'),
                        values.stream().map(ValueStats::label).toList(),
                        values.stream().map(ValueStats::conversion).toList(),
                        values.stream().map(OverviewView::detail).toList()));
            }
        }
        return new OverviewView(HomeView.of(status), charts, overview == null ? null : heatmap(overview));
    }

    private static HeatmapView heatmap(DatasetOverview overview) {
        var grid = overview.subjectByDay();
        double max = grid.cells().stream()
                .flatMap(List::stream)
                .mapToDouble(ValueStats::conversion)
                .max()
                .orElse(0);
        List<HeatmapView.Row> rows = new ArrayList<>();
        for (int s = 0; s < grid.subjects().size(); s++) {
            List<HeatmapView.Cell> cells = grid.cells().get(s).stream()
                    .map(v -> new HeatmapView.Cell(
                            Format.percent(v.conversion()),
                            max <= 0 ? 0 : (int) Math.round(100 * v.conversion() / max),
                            detail(v)))
                    .toList();
            rows.add(new HeatmapView.Row(grid.subjects().get(s), cells));
        }
        return new HeatmapView("Conversion by subject line and day of week", grid.days(), rows);
    }

    private static String detail(ValueStats v) {
        return v.label() + ": " + Format.count(v.responses()) + " responded of " + Format.count(v.sends()) + " sends ("
                + Format.percent(v.conversion()) + ")";
    }
}
