package org.campaignrl.adapters.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.campaignrl.application.port.in.SweepUseCase.SweepPoint;

/** A sweep as a CSV table and an SVG chart of success rate and mean |Q − Q*| against episodes (log scale). */
public final class SweepReport {
    private static final String[] COLOURS = {"#1f6feb", "#c2410c", "#0a7d32", "#8250df", "#b08800", "#d1242f"};
    private static final int PANEL_WIDTH = 460;
    private static final int PANEL_HEIGHT = 260;
    private static final int MARGIN = 50;

    private SweepReport() {}

    public static String csv(List<SweepPoint> points) {
        StringBuilder csv = new StringBuilder("episodes,epsilon,alpha,gamma,seed,success_rate,mean_steps,"
                + "mean_optimal_steps,mean_abs_q_error,goal_cells,train_ms\n");
        for (SweepPoint p : points) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%s,%s,%s,%d,%.6f,%.4f,%.4f,%.6f,%d,%.2f%n",
                    p.episodes(),
                    p.epsilon(),
                    p.alpha(),
                    p.gamma(),
                    p.seed(),
                    p.successRate(),
                    p.meanSteps(),
                    p.meanOptimalSteps(),
                    p.meanAbsQError(),
                    p.goalCells(),
                    p.trainMillis()));
        }
        return csv.toString();
    }

    /** Two panels side by side; one line per (ε, α, γ) through the mean over seeds, a dot per run. */
    public static String svg(List<SweepPoint> points) {
        Map<String, List<SweepPoint>> series = new LinkedHashMap<>();
        for (SweepPoint p : points) {
            series.computeIfAbsent(
                            String.format(Locale.ROOT, "ε %s, α %s, γ %s", p.epsilon(), p.alpha(), p.gamma()),
                            k -> new ArrayList<>())
                    .add(p);
        }
        double minEpisodes =
                points.stream().mapToInt(SweepPoint::episodes).min().orElse(1);
        double maxEpisodes =
                points.stream().mapToInt(SweepPoint::episodes).max().orElse(1);
        double maxError = points.stream()
                .mapToDouble(SweepPoint::meanAbsQError)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        int width = 2 * (PANEL_WIDTH + MARGIN) + MARGIN;
        int height = PANEL_HEIGHT + 2 * MARGIN + 20 * series.size();
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        panel(
                svg,
                MARGIN,
                "Success rate (greedy rollout reaches a goal)",
                series,
                SweepPoint::successRate,
                1.0,
                minEpisodes,
                maxEpisodes);
        panel(
                svg,
                2 * MARGIN + PANEL_WIDTH,
                "Mean |Q − Q*|",
                series,
                SweepPoint::meanAbsQError,
                maxError,
                minEpisodes,
                maxEpisodes);
        int legendY = PANEL_HEIGHT + MARGIN + 40;
        int i = 0;
        for (String name : series.keySet()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    MARGIN,
                    legendY + 20 * i - 4,
                    colour(i),
                    MARGIN + 20,
                    legendY + 20 * i,
                    name));
            i++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(
            StringBuilder svg,
            int left,
            String title,
            Map<String, List<SweepPoint>> series,
            ToDoubleFunction<SweepPoint> value,
            double max,
            double minEpisodes,
            double maxEpisodes) {
        int top = MARGIN;
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left, top - 15, title));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" " + "stroke=\"#999\"/>%n",
                left,
                top,
                PANEL_WIDTH,
                PANEL_HEIGHT));
        for (int tick = 0; tick <= 4; tick++) {
            double v = max * tick / 4;
            double y = top + PANEL_HEIGHT - PANEL_HEIGHT * tick / 4.0;
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>%n", left - 4, y + 4, v));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">episodes (log scale)" + "</text>%n",
                left + PANEL_WIDTH / 2,
                top + PANEL_HEIGHT + 32));
        int i = 0;
        for (List<SweepPoint> runs : series.values()) {
            Map<Integer, List<Double>> byEpisodes = new java.util.TreeMap<>();
            for (SweepPoint p : runs) {
                byEpisodes.computeIfAbsent(p.episodes(), k -> new ArrayList<>()).add(value.applyAsDouble(p));
            }
            StringBuilder line = new StringBuilder();
            for (Map.Entry<Integer, List<Double>> e : byEpisodes.entrySet()) {
                double x = x(left, e.getKey(), minEpisodes, maxEpisodes);
                double mean = e.getValue().stream()
                        .mapToDouble(Double::doubleValue)
                        .filter(Double::isFinite)
                        .average()
                        .orElse(0);
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(top, mean, max)));
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        x,
                        top + PANEL_HEIGHT + 16,
                        compact(e.getKey())));
                for (double v : e.getValue()) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\">"
                                    + "<title>%d episodes: %.4g</title></circle>%n",
                            x,
                            y(top, v, max),
                            colour(i),
                            e.getKey(),
                            v));
                }
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    line.toString().trim(),
                    colour(i)));
            i++;
        }
    }

    /** 20k, 1.5M: axis labels that do not run into each other. */
    static String compact(int episodes) {
        if (episodes >= 1_000_000) {
            return String.format(Locale.ROOT, "%sM", Format.number(episodes / 1e6));
        }
        return episodes >= 1_000
                ? String.format(Locale.ROOT, "%sk", Format.number(episodes / 1e3))
                : Integer.toString(episodes);
    }

    private static double x(int left, double episodes, double min, double max) {
        double span = Math.log(max) - Math.log(min);
        return left + (span == 0 ? PANEL_WIDTH / 2.0 : PANEL_WIDTH * (Math.log(episodes) - Math.log(min)) / span);
    }

    private static double y(int top, double value, double max) {
        double v = Double.isFinite(value) ? Math.max(0, Math.min(value, max)) : 0;
        return top + PANEL_HEIGHT - (max == 0 ? 0 : PANEL_HEIGHT * v / max);
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }
}
