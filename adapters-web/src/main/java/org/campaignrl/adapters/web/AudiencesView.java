package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.AudienceStep;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudience;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankAudiencesCommand;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankedAudience;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankedAudiences;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Binning;

/** The audience finder page: its form, the ranked cells and segments, the best day, and the model's rollout. */
public record AudiencesView(
        Form form,
        List<Row> cells,
        List<Row> segments,
        List<DayRow> days,
        String dayCertainty,
        List<String> rollout,
        String csvHref,
        String problem) {

    public record Form(
            List<Choice> subjects,
            List<Choice> methods,
            String minSends,
            String confidence,
            String emails,
            List<ExplorerView.Selector> fixed) {}

    public record Choice(String value, String label, boolean selected) {}

    /** {@code left}/{@code width}: the interval bar in percent of the scale; {@code mark}: the rate. */
    public record Row(
            int rank,
            String audience,
            String sends,
            String conversion,
            String interval,
            int left,
            int width,
            int mark,
            String expected) {}

    public record DayRow(String day, String conversion, String interval, String sends, int left, int width, int mark) {}

    static AudiencesView problem(DatasetSummary dataset, String problem) {
        return new AudiencesView(
                dataset == null ? null : form(dataset, null),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                problem);
    }

    static AudiencesView of(
            DatasetSummary dataset,
            RankAudiencesCommand command,
            RankedAudiences ranked,
            CampaignAudience rollout,
            String queryString) {
        double scale = Math.max(
                0.05,
                ranked.cells().stream().mapToDouble(RankedAudience::upper).max().orElse(0));
        scale = Math.max(
                scale,
                ranked.segments().stream()
                        .mapToDouble(RankedAudience::upper)
                        .max()
                        .orElse(0));
        List<DayRow> days = new ArrayList<>();
        String certainty = null;
        if (ranked.bestDay().isPresent()) {
            var choice = ranked.bestDay().get();
            double dayScale = Math.max(
                    0.05,
                    choice.days().stream().mapToDouble(d -> d.upper()).max().orElse(0));
            for (var d : choice.days()) {
                days.add(new DayRow(
                        d.day(),
                        Format.percent(d.conversion()),
                        Format.percent(d.lower()) + " – " + Format.percent(d.upper()),
                        Format.count(d.sends()),
                        bar(d.lower(), dayScale),
                        bar(d.upper(), dayScale) - bar(d.lower(), dayScale),
                        bar(d.conversion(), dayScale)));
            }
            certainty = switch (choice.certainty()) {
                case "CLEAR" -> "clearly best: its interval does not overlap the runner-up's";
                case "LIKELY" ->
                    String.format(
                            java.util.Locale.ROOT,
                            "likely best (%.0f %% probability it beats the runner-up)",
                            100 * choice.probabilityBestBeatsRunnerUp());
                case "NO_DATA" -> "no sends on any day yet";
                default ->
                    String.format(
                            java.util.Locale.ROOT,
                            "not clearly best (%.0f %% probability it beats the runner-up)",
                            100 * choice.probabilityBestBeatsRunnerUp());
            };
        }
        List<String> steps = rollout == null
                ? List.of()
                : rollout.steps().stream().map(AudiencesView::step).toList();
        return new AudiencesView(
                form(dataset, command),
                rows(ranked.cells(), scale),
                rows(ranked.segments(), scale),
                days,
                certainty,
                steps,
                "/audiences.csv" + (queryString == null ? "" : "?" + queryString),
                null);
    }

    private static String step(AudienceStep step) {
        return String.join(" · ", step.profile().values()) + " — " + Format.percent(step.conversion()) + " of "
                + Format.count(step.sends()) + " sends" + (step.goal() ? " (goal)" : "");
    }

    private static List<Row> rows(List<RankedAudience> audiences, double scale) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < audiences.size(); i++) {
            RankedAudience a = audiences.get(i);
            List<String> fixed = new ArrayList<>();
            for (int slot = 1; slot < a.labels().size(); slot++) {
                if (!"any".equals(a.labels().get(slot))) {
                    fixed.add(a.labels().get(slot));
                }
            }
            rows.add(new Row(
                    i + 1,
                    String.join(" · ", fixed),
                    Format.count(a.sends()),
                    Format.percent(a.conversion()),
                    Format.percent(a.lower()) + " – " + Format.percent(a.upper()),
                    bar(a.lower(), scale),
                    Math.max(1, bar(a.upper(), scale) - bar(a.lower(), scale)),
                    bar(a.conversion(), scale),
                    String.format(
                            java.util.Locale.ROOT,
                            "%.0f (%.0f – %.0f)",
                            a.expectedResponses(),
                            a.expectedLower(),
                            a.expectedUpper())));
        }
        return rows;
    }

    private static int bar(double rate, double scale) {
        return (int) Math.round(100 * Math.min(1, rate / scale));
    }

    private static Form form(DatasetSummary dataset, RankAudiencesCommand command) {
        List<Choice> subjects = dataset.subjectIds().stream()
                .map(id -> new Choice(
                        Integer.toString(id), "Email Subject " + id, command != null && command.subjectId() == id))
                .toList();
        List<Choice> methods = AudienceFinder.methods().stream()
                .map(m -> new Choice(
                        m,
                        m.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        command != null && command.method().name().equals(m)))
                .toList();
        List<List<String>> labels = List.of(
                List.of(),
                Binning.DAY_LABELS,
                Binning.TENURE_LABELS,
                dataset.domains(),
                Binning.AGE_LABELS,
                Binning.GENDER_LABELS,
                Binning.TYPE_LABELS);
        List<ExplorerView.Selector> fixed = new ArrayList<>();
        for (int slot = 1; slot < Attribute.COUNT; slot++) {
            List<ExplorerView.Option> options = new ArrayList<>();
            options.add(new ExplorerView.Option(-1, "any", command == null || command.fixed()[slot] < 0));
            for (int code = 0; code < labels.get(slot).size(); code++) {
                options.add(new ExplorerView.Option(
                        code, labels.get(slot).get(code), command != null && command.fixed()[slot] == code));
            }
            fixed.add(new ExplorerView.Selector(
                    ExplorerView.PARAMETERS.get(slot),
                    Attribute.atPosition(slot).displayName(),
                    options));
        }
        return new Form(
                subjects,
                methods,
                command == null ? "10" : Long.toString(command.minSends()),
                command == null ? "0.95" : Format.number(command.confidence()),
                command == null ? "10000" : Long.toString(command.emails()),
                fixed);
    }
}
