package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.adapters.reports.Format;

/**
 * A horizontal bar chart laid out for an SVG: the template only draws what is computed here.
 * Each bar carries its numbers as text too, for the hover title and the table beside the chart.
 */
public record BarChartView(String title, String id, int width, int height, int labelWidth, List<Bar> bars) {
    static final int BAR_HEIGHT = 20;
    static final int GAP = 6;
    static final int PLOT_WIDTH = 300;

    public record Bar(String label, int y, int width, String valueText, String detail) {}

    /** Bars scaled to the largest value (which fills the plot); values are rates in 0..1. */
    static BarChartView of(String title, String id, List<String> labels, List<Double> rates, List<String> details) {
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int labelWidth = 8 * labels.stream().mapToInt(String::length).max().orElse(4) + 12;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int width = max <= 0 ? 0 : (int) Math.round(PLOT_WIDTH * rates.get(i) / max);
            bars.add(new Bar(
                    labels.get(i), i * (BAR_HEIGHT + GAP), width, Format.percent(rates.get(i)), details.get(i)));
        }
        return new BarChartView(
                title, id, labelWidth + PLOT_WIDTH + 80, labels.size() * (BAR_HEIGHT + GAP), labelWidth, bars);
    }
}
