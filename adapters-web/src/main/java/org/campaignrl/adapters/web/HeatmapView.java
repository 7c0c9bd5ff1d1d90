package org.campaignrl.adapters.web;

import java.util.List;

/** A table-like heat map: each cell's shade is its conversion relative to the highest one shown. */
public record HeatmapView(String title, List<String> columns, List<Row> rows) {
    public record Row(String label, List<Cell> cells) {}

    /** {@code shade} 0..100, the CSS lightness step to use; {@code detail} the full numbers. */
    public record Cell(String text, int shade, String detail) {}
}
