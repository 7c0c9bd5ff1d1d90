package org.campaignrl.domain;

import java.util.List;

/** Hand-made state spaces and cells for the tests. */
final class Spaces {
    private Spaces() {}

    /** 1 subject (id 1), 1 domain: 7·7·5·2·2 = 980 states. */
    static StateSpace tiny() {
        return new StateSpace(new int[] {1}, List.of("a.com"));
    }

    /** 3 subjects (ids 4, 9, 17) and 2 domains: 3·7·7·2·5·2·2 = 5880 states. */
    static StateSpace small() {
        return new StateSpace(new int[] {17, 4, 9}, List.of("b.org", "a.com"));
    }

    /** Codes in vector order: subject, day, tenure, domain, age, gender, type. */
    static int[] codes(int subject, int day, int tenure, int domain, int age, int gender, int type) {
        return new int[] {subject, day, tenure, domain, age, gender, type};
    }

    /** Builds {@link Cells} by hand: every cell starts with the same history, then single cells are set. */
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

        /** Every cell: this many sends and responses. */
        CellsBuilder everywhere(long sendCount, long responseCount) {
            java.util.Arrays.fill(sends, sendCount);
            java.util.Arrays.fill(responses, responseCount);
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
