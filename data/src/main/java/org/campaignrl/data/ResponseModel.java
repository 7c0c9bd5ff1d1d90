package org.campaignrl.data;

import java.util.Arrays;
import java.util.List;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/**
 * The true response model: a (customer, subject) pair responds with probability
 * {@code logistic(base[subject] + Σ effect[attribute][code] + Σ bonus of the planted segments the cell is in)}.
 * Codes are those of {@link org.campaignrl.domain.Binning}; a cell is a state vector
 * {@code [subject_id, day, tenure, domain_code, age, gender, type]}.
 */
final class ResponseModel {
    /** In a segment's vector: any value of this attribute. */
    static final int ANY = -1;

    /** A planted interaction: every cell matching {@code when} (ANY = any value) gets {@code bonus} on the logit. */
    record Segment(String name, int[] when, double bonus) {
        Segment {
            if (when.length != Attribute.COUNT) {
                throw new IllegalArgumentException("a segment names " + Attribute.COUNT + " values");
            }
            when = when.clone();
        }

        boolean matches(int[] vector) {
            for (int p = 0; p < Attribute.COUNT; p++) {
                if (when[p] != ANY && when[p] != vector[p]) {
                    return false;
                }
            }
            return true;
        }
    }

    static final ResponseModel DEFAULT = new ResponseModel(
            new int[] {1, 2, 3},
            new double[] {-2.46, -2.16, -2.76},
            new double[][] {
                null, // subject: its base above
                {0.10, 0.30, 0.20, 0.00, -0.15, -0.35, -0.50}, // day: Monday … Sunday
                {-0.25, -0.15, -0.05, 0.05, 0.10, 0.20, 0.25}, // tenure: < 5 … > 30
                {-0.30, 0.10, 0.30, -0.10, -0.45, 0.15}, // domain: aol, comcast, gmail, hotmail, msn, yahoo
                {-0.30, -0.10, 0.15, 0.20, 0.00}, // age: < 20, 20-25, 25-35, 35-45, > 45
                {0.12, -0.12}, // gender: F, M
                {-0.15, 0.15}, // type: B, C
            },
            List.of(
                    //                                                   subject day tenure domain age gender type
                    new Segment("Saturday gmail.com consumers, subject 2", new int[] {2, 5, ANY, 2, ANY, ANY, 1}, 2.1),
                    new Segment(
                            "Tuesday yahoo.com business customers of 30+ years, subject 1",
                            new int[] {1, 1, 6, 5, ANY, ANY, 0},
                            1.95),
                    new Segment(
                            "Thursday hotmail.com customers aged 45+, subject 3",
                            new int[] {3, 3, ANY, 3, 4, ANY, ANY},
                            2.85),
                    new Segment("Sunday comcast.net men, subject 3", new int[] {3, 6, ANY, 1, ANY, 1, ANY}, 3.35)));

    private final int[] subjectIds;
    private final double[] base;
    private final double[][] effects;
    private final List<Segment> segments;

    ResponseModel(int[] subjectIds, double[] base, double[][] effects, List<Segment> segments) {
        this.subjectIds = subjectIds.clone();
        this.base = base.clone();
        this.effects =
                Arrays.stream(effects).map(e -> e == null ? null : e.clone()).toArray(double[][]::new);
        this.segments = List.copyOf(segments);
    }

    /** The same model with every base moved by {@code offset} on the logit scale. */
    ResponseModel shifted(double offset) {
        double[] moved = base.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += offset;
        }
        return new ResponseModel(subjectIds, moved, effects, segments);
    }

    int[] subjectIds() {
        return subjectIds.clone();
    }

    double base(int subjectId) {
        for (int i = 0; i < subjectIds.length; i++) {
            if (subjectIds[i] == subjectId) {
                return base[i];
            }
        }
        throw new IllegalArgumentException("no subject line " + subjectId);
    }

    double effect(Attribute attribute, int code) {
        return effects[attribute.position()][code];
    }

    List<Segment> segments() {
        return segments;
    }

    double logit(int[] vector) {
        double logit = base(vector[0]);
        for (int p = 1; p < Attribute.COUNT; p++) {
            logit += effects[p][vector[p]];
        }
        for (Segment segment : segments) {
            if (segment.matches(vector)) {
                logit += segment.bonus();
            }
        }
        return logit;
    }

    double probability(int[] vector) {
        return 1 / (1 + Math.exp(-logit(vector)));
    }

    /** The response probability of every state of the space, by state index. */
    double[] probabilities(StateSpace space) {
        double[] p = new double[space.size()];
        for (int state = 0; state < p.length; state++) {
            p[state] = probability(space.vectorOf(state));
        }
        return p;
    }

    /**
     * Expected share of sends that are responded, given that subject lines and days are equally
     * likely for a pair and sends per pair do not depend on the cell: the probabilities weighted by
     * the population's share of each cell.
     */
    double expectedRespondedSendRate(StateSpace space) {
        double[] p = probabilities(space);
        double expected = 0;
        for (int state = 0; state < p.length; state++) {
            double weight = 1.0 / (space.size(Attribute.SUBJECT) * space.size(Attribute.DAY));
            for (int position = 2; position < Attribute.COUNT; position++) {
                Attribute attribute = Attribute.atPosition(position);
                weight *= Population.share(attribute, space.code(state, attribute));
            }
            expected += weight * p[state];
        }
        return expected;
    }
}
