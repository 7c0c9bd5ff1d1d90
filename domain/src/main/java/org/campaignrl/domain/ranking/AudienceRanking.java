package org.campaignrl.domain.ranking;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.SubjectSpan;

/**
 * The cells of one subject line with at least {@link RankingOptions#minSends()} sends, ranked by
 * a {@link RankingMethod}: the best audiences to send that subject to, each with its history,
 * raw rate, confidence interval and the score it was ranked by. Ties go to the cell with more
 * sends, then to the lower state index.
 */
public final class AudienceRanking {
    private final int subjectCode;
    private final RankingOptions options;
    private final List<Entry> entries;

    private AudienceRanking(int subjectCode, RankingOptions options, List<Entry> entries) {
        this.subjectCode = subjectCode;
        this.options = options;
        this.entries = List.copyOf(entries);
    }

    /** One ranked cell. */
    public record Entry(
            int state, long sends, long responses, double rawRate, ConversionInterval interval, double score) {}

    /** Ranks the cells of a subject line (by its code, {@code StateSpace.subjectCode(id)}). */
    public static AudienceRanking rank(Cells cells, int subjectCode, RankingOptions options) {
        SubjectSpan.of(cells.space(), subjectCode);
        return rank(cells, subjectCode, options.method().scores(cells, options.confidence()), options);
    }

    /**
     * Ranks with scores already computed for every state (say, once for all subject lines, since
     * the model-based methods fit all of them at once). {@code options.method()} is then only a label.
     */
    public static AudienceRanking rank(Cells cells, int subjectCode, double[] scores, RankingOptions options) {
        if (scores.length != cells.space().size()) {
            throw new IllegalArgumentException(
                    "need one score per state (" + cells.space().size() + "), not " + scores.length);
        }
        SubjectSpan span = SubjectSpan.of(cells.space(), subjectCode);
        long[] sends = TopSelection.sendsOf(cells);
        int[] order = TopSelection.ranked(span.start(), span.end(), scores, sends, options.minSends());
        List<Entry> entries = new ArrayList<>(order.length);
        for (int state : order) {
            long n = cells.sends(state);
            long r = cells.responses(state);
            entries.add(new Entry(
                    state,
                    n,
                    r,
                    cells.conversion(state),
                    options.interval().interval(r, n, options.confidence()),
                    scores[state]));
        }
        return new AudienceRanking(subjectCode, options, entries);
    }

    public int subjectCode() {
        return subjectCode;
    }

    public RankingOptions options() {
        return options;
    }

    /** Every ranked cell, best first. */
    public List<Entry> entries() {
        return entries;
    }

    /** The best {@code n} cells (fewer when fewer are ranked). */
    public List<Entry> top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return entries.subList(0, Math.min(n, entries.size()));
    }

    public int size() {
        return entries.size();
    }
}
