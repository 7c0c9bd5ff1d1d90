package org.campaignrl.domain.campaign;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.BetaPosteriors;
import org.campaignrl.domain.ranking.ProfileCounts;

/**
 * The audiences of one subject line while a plan is made: each customer profile that has customers, on its day,
 * with its members (positions in the {@link CustomerProfiles}) in a seeded random order, and how many of them are
 * taken so far. All members live in one int array, profile after profile (no object per customer).
 */
final class Audiences {
    private final StateSpace space;
    private final int subjectCode;
    private final int[] profile;
    private final int[] day;
    private final int[] state;
    private final double[] score;
    /** Members of audience a: members[start[a] .. end[a]), of which the first taken[a] are taken. */
    private int[] members;

    private final int[] start;
    private final int[] end;
    private final int[] taken;

    private Audiences(
            StateSpace space,
            int subjectCode,
            int[] profile,
            int[] day,
            int[] state,
            double[] score,
            int[] members,
            int[] start,
            int[] end) {
        this.space = space;
        this.subjectCode = subjectCode;
        this.profile = profile;
        this.day = day;
        this.state = state;
        this.score = score;
        this.members = members;
        this.start = start;
        this.end = end;
        this.taken = new int[profile.length];
    }

    /** The state of a profile on a day for the subject. */
    static int state(StateSpace space, int subjectCode, int day, int profile) {
        // The profile index is the state of (subject 0, day 0, profile): the subject and day add their strides.
        return profile + space.advance(0, Attribute.DAY) * day + space.advance(0, Attribute.SUBJECT) * subjectCode;
    }

    /**
     * @param scores the ranking's score of every state
     * @param fixedDay the plan's day, or empty: each profile on the day its cell scores highest (earliest on a tie)
     */
    static Audiences of(
            StateSpace space,
            int subjectCode,
            CustomerProfiles customers,
            double[] scores,
            Optional<DayOfWeek> fixedDay,
            SplittableRandom random) {
        int profiles = ProfileCounts.size(space);
        int[] customerProfile = customers.profileIndices(space);
        int[] counts = new int[profiles + 1];
        for (int p : customerProfile) {
            counts[p + 1]++;
        }
        int[] offsets = new int[profiles + 1];
        for (int p = 0; p < profiles; p++) {
            offsets[p + 1] = offsets[p] + counts[p + 1];
        }
        int[] members = new int[customerProfile.length];
        int[] next = Arrays.copyOf(offsets, profiles);
        for (int position = 0; position < customerProfile.length; position++) {
            members[next[customerProfile[position]]++] = position;
        }
        int audiences = 0;
        for (int p = 0; p < profiles; p++) {
            if (offsets[p + 1] > offsets[p]) {
                audiences++;
            }
        }
        int[] profile = new int[audiences];
        int[] day = new int[audiences];
        int[] state = new int[audiences];
        double[] score = new double[audiences];
        int[] start = new int[audiences];
        int[] end = new int[audiences];
        int days = space.size(Attribute.DAY);
        int a = 0;
        for (int p = 0; p < profiles; p++) {
            if (offsets[p + 1] == offsets[p]) {
                continue;
            }
            int best = fixedDay.map(d -> d.getValue() - 1).orElse(-1);
            if (best < 0) {
                best = 0;
                for (int d = 1; d < days; d++) {
                    if (scores[state(space, subjectCode, d, p)] > scores[state(space, subjectCode, best, p)]) {
                        best = d;
                    }
                }
            }
            profile[a] = p;
            day[a] = best;
            state[a] = state(space, subjectCode, best, p);
            score[a] = scores[state[a]];
            start[a] = offsets[p];
            end[a] = offsets[p + 1];
            shuffle(members, start[a], end[a], random);
            a++;
        }
        return new Audiences(space, subjectCode, profile, day, state, score, members, start, end);
    }

    private static void shuffle(int[] values, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    int count() {
        return profile.length;
    }

    int stateOf(int audience) {
        return state[audience];
    }

    int dayOf(int audience) {
        return day[audience];
    }

    int remaining(int audience) {
        return end[audience] - start[audience] - taken[audience];
    }

    /** Audience indices, highest score first; ties to the lower state (a profile's state order). */
    int[] ranked() {
        return java.util.stream.IntStream.range(0, profile.length)
                .boxed()
                .sorted((x, y) ->
                        score[x] != score[y] ? Double.compare(score[y], score[x]) : Integer.compare(state[x], state[y]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Removes these customers (positions) from every audience, keeping the others' order. Before anything is taken. */
    void exclude(BitSet positions) {
        if (positions.isEmpty()) {
            return;
        }
        int[] kept = new int[members.length - positions.cardinality()];
        int at = 0;
        for (int a = 0; a < profile.length; a++) {
            int newStart = at;
            for (int i = start[a]; i < end[a]; i++) {
                if (!positions.get(members[i])) {
                    kept[at++] = members[i];
                }
            }
            start[a] = newStart;
            end[a] = at;
        }
        members = kept;
    }

    /** Members left in audiences whose posterior mean reaches the threshold. */
    long membersReaching(double threshold, BetaPosteriors posteriors) {
        long total = 0;
        for (int a = 0; a < profile.length; a++) {
            if (reaches(a, threshold, posteriors)) {
                total += remaining(a);
            }
        }
        return total;
    }

    boolean reaches(int audience, double threshold, BetaPosteriors posteriors) {
        return posteriors.mean(state[audience]) >= threshold;
    }

    /** Takes up to {@code n} more members of an audience, each position to {@code sink}; returns how many. */
    int take(int audience, int n, IntConsumer sink) {
        int count = Math.min(n, remaining(audience));
        int from = start[audience] + taken[audience];
        for (int i = from; i < from + count; i++) {
            sink.accept(members[i]);
        }
        taken[audience] += count;
        return count;
    }
}
