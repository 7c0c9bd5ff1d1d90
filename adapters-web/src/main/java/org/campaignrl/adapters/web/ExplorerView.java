package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.port.in.ExploreStateUseCase.ActionView;
import org.campaignrl.application.port.in.ExploreStateUseCase.CellView;
import org.campaignrl.application.port.in.ExploreStateUseCase.StateView;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Binning;

/** The state explorer: pick a cell, see the model's view of it, move with one click (a plain link). */
public record ExplorerView(
        List<Selector> selectors,
        Cell cell,
        List<ActionRow> actions,
        List<PathRow> path,
        String pathEnd,
        long modelId,
        String problem) {
    /** Query parameter per state slot, in vector order. */
    static final List<String> PARAMETERS = List.of("subject", "day", "tenure", "domain", "age", "gender", "type");

    public record Selector(String name, String label, List<Option> options) {}

    public record Option(int value, String label, boolean selected) {}

    public record Cell(String labels, String sends, String responses, String conversion, boolean goal, String reward) {}

    public record ActionRow(
            int action,
            String attribute,
            String nextValue,
            String qValue,
            int barWidth,
            boolean negative,
            boolean best,
            String href) {}

    public record PathRow(int step, String labels, String sends, String conversion, boolean goal, String href) {}

    static ExplorerView problem(List<Integer> subjectIds, List<String> domains, int[] state, String problem) {
        return new ExplorerView(selectors(subjectIds, domains, state), null, List.of(), List.of(), "", 0, problem);
    }

    static ExplorerView of(StateView view, List<Integer> subjectIds, List<String> domains) {
        int[] state = view.cell().state().stream().mapToInt(Integer::intValue).toArray();
        CellView c = view.cell();
        Cell cell = new Cell(
                String.join(" · ", c.labels()),
                Format.count(c.sends()),
                Format.count(c.responses()),
                Format.percent(c.conversion()),
                c.goal(),
                Format.number(view.rewardOnEntering()));
        double maxAbs = view.actions().stream()
                .mapToDouble(a -> Math.abs(a.qValue()))
                .max()
                .orElse(0);
        List<ActionRow> actions = new ArrayList<>();
        for (ActionView a : view.actions()) {
            int slot = (a.action() + 1) % Attribute.COUNT;
            actions.add(new ActionRow(
                    a.action(),
                    a.attribute(),
                    a.next().labels().get(slot),
                    Format.number(a.qValue()),
                    maxAbs == 0 ? 0 : (int) Math.round(100 * Math.abs(a.qValue()) / maxAbs),
                    a.qValue() < 0,
                    a.action() == view.bestAction(),
                    href(a.next().state())));
        }
        List<PathRow> path = new ArrayList<>();
        for (int i = 0; i < view.greedyPath().size(); i++) {
            CellView step = view.greedyPath().get(i);
            path.add(new PathRow(
                    i,
                    String.join(" · ", step.labels()),
                    Format.count(step.sends()),
                    Format.percent(step.conversion()),
                    step.goal(),
                    href(step.state())));
        }
        String end = switch (view.pathEnd()) {
            case "GOAL" -> "reaches a goal cell";
            case "LOOP" -> "would loop: the next state was already visited";
            default -> "stops at the step limit";
        };
        return new ExplorerView(selectors(subjectIds, domains, state), cell, actions, path, end, view.modelId(), null);
    }

    static String href(List<Integer> state) {
        StringBuilder href = new StringBuilder("/explorer?");
        for (int slot = 0; slot < Attribute.COUNT; slot++) {
            href.append(slot == 0 ? "" : "&")
                    .append(PARAMETERS.get(slot))
                    .append('=')
                    .append(state.get(slot));
        }
        return href.toString();
    }

    private static List<Selector> selectors(List<Integer> subjectIds, List<String> domains, int[] state) {
        List<List<String>> labels = List.of(
                subjectIds.stream().map(id -> "Email Subject " + id).collect(Collectors.toList()),
                Binning.DAY_LABELS,
                Binning.TENURE_LABELS,
                domains,
                Binning.AGE_LABELS,
                Binning.GENDER_LABELS,
                Binning.TYPE_LABELS);
        List<Selector> selectors = new ArrayList<>();
        for (int slot = 0; slot < Attribute.COUNT; slot++) {
            List<Option> options = new ArrayList<>();
            for (int code = 0; code < labels.get(slot).size(); code++) {
                int value = slot == 0 ? subjectIds.get(code) : code;
                options.add(new Option(value, labels.get(slot).get(code), state != null && state[slot] == value));
            }
            selectors.add(new Selector(
                    PARAMETERS.get(slot), Attribute.atPosition(slot).displayName(), options));
        }
        return selectors;
    }
}
