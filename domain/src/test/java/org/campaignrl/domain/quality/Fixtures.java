package org.campaignrl.domain.quality;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/** Hand-made spaces and cells for the quality tests. */
final class Fixtures {
    private Fixtures() {}

    /**
     * 1 subject, 1 domain: 7·7·5·2·2 = 980 states. NEXT_SUBJECT and NEXT_DOMAIN lead back to the same
     * state, so a goal can be entered from itself in one step.
     */
    static StateSpace tiny() {
        return new StateSpace(new int[] {1}, List.of("a.com"));
    }

    /** 2 subjects, 2 domains: 3920 states, every action leads to another state. */
    static StateSpace twoOfEach() {
        return new StateSpace(new int[] {1, 2}, List.of("a.com", "b.com"));
    }

    /** The full-size shape: 3 subjects, 6 domains, 17 640 states. */
    static StateSpace fullSize() {
        return new StateSpace(
                new int[] {1, 2, 3},
                List.of("aol.com", "comcast.net", "gmail.com", "hotmail.com", "msn.com", "yahoo.com"));
    }

    /** 34 subjects, 6 domains: 199 920 states. */
    static StateSpace large() {
        int[] subjects = new int[34];
        Arrays.setAll(subjects, i -> i + 1);
        return new StateSpace(
                subjects, List.of("aol.com", "comcast.net", "gmail.com", "hotmail.com", "msn.com", "yahoo.com"));
    }

    /** Codes in vector order: subject, day, tenure, domain, age, gender, type. */
    static int[] codes(int subject, int day, int tenure, int domain, int age, int gender, int type) {
        return new int[] {subject, day, tenure, domain, age, gender, type};
    }

    /** Forward moves from one state to another: each attribute only moves forward, wrapping. */
    static int forwardDistance(StateSpace space, int from, int to) {
        int[] a = space.codesOf(from);
        int[] b = space.codesOf(to);
        int steps = 0;
        for (Attribute attribute : Attribute.values()) {
            int p = attribute.position();
            int size = space.size(attribute);
            steps += ((b[p] - a[p]) % size + size) % size;
        }
        return steps;
    }

    /**
     * Data-like cells: about a third never sent to, the rest with up to 40 sends and a conversion drawn
     * between 0 and 60 %, so that a few percent are goals under the default rule.
     */
    static Cells randomCells(StateSpace space, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CellsBuilder builder = CellsBuilder.on(space);
        for (int s = 0; s < space.size(); s++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            long sends = 1 + random.nextInt(40);
            double rate = random.nextDouble() * random.nextDouble() * 0.6;
            long responses = 0;
            for (int i = 0; i < sends; i++) {
                responses += random.nextDouble() < rate ? 1 : 0;
            }
            builder.at(s, sends, responses);
        }
        return builder.build();
    }

    /** Builds {@link Cells} by hand: every cell starts empty (or with a common history), then single cells are set. */
    static final class CellsBuilder {
        private final StateSpace space;
        private final long[] sends;
        private final long[] responses;

        private CellsBuilder(StateSpace space) {
            this.space = space;
            this.sends = new long[space.size()];
            this.responses = new long[space.size()];
        }

        static CellsBuilder on(StateSpace space) {
            return new CellsBuilder(space);
        }

        CellsBuilder everywhere(long sendCount, long responseCount) {
            Arrays.fill(sends, sendCount);
            Arrays.fill(responses, responseCount);
            return this;
        }

        CellsBuilder at(int index, long sendCount, long responseCount) {
            sends[index] = sendCount;
            responses[index] = responseCount;
            return this;
        }

        CellsBuilder at(int[] codes, long sendCount, long responseCount) {
            return at(space.indexOfCodes(codes), sendCount, responseCount);
        }

        Cells build() {
            return new Cells(space, sends, responses);
        }
    }
}
