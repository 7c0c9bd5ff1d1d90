package org.campaignrl.domain.ranking;

import java.util.Arrays;
import java.util.StringJoiner;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/**
 * An audience described by some attributes fixed and the rest "any": one code per attribute in
 * state-vector order (subject <em>code</em>, day, tenure, domain, age, gender, type), with
 * {@link #ANY} (−1) for an attribute left open. A cell belongs to the segment when it agrees on
 * every fixed attribute. Immutable; equal by value.
 */
public final class Segment {
    /** The code of an attribute left open. */
    public static final int ANY = -1;

    private final int[] codes;

    private Segment(int[] codes) {
        this.codes = codes;
    }

    /** A segment from seven codes, {@link #ANY} for the open ones. */
    public static Segment of(int... codes) {
        if (codes.length != Attribute.COUNT) {
            throw new IllegalArgumentException("a segment has " + Attribute.COUNT + " codes, not " + codes.length);
        }
        for (int p = 0; p < Attribute.COUNT; p++) {
            if (codes[p] < ANY) {
                throw new IllegalArgumentException(
                        Attribute.atPosition(p) + " code " + codes[p] + " must be -1 (any) or a code");
            }
        }
        return new Segment(codes.clone());
    }

    /** Everyone: no attribute fixed. */
    public static Segment everyone() {
        int[] codes = new int[Attribute.COUNT];
        Arrays.fill(codes, ANY);
        return new Segment(codes);
    }

    /** Every cell of one subject line (by code). */
    public static Segment ofSubject(int subjectCode) {
        return everyone().with(Attribute.SUBJECT, subjectCode);
    }

    /** The single cell of a state: every attribute fixed. */
    public static Segment ofState(StateSpace space, int state) {
        return new Segment(space.codesOf(state));
    }

    /** The attribute's code, or {@link #ANY}. */
    public int code(Attribute attribute) {
        return codes[attribute.position()];
    }

    public boolean isFixed(Attribute attribute) {
        return codes[attribute.position()] != ANY;
    }

    /** How many attributes are fixed. */
    public int fixedCount() {
        int count = 0;
        for (int code : codes) {
            if (code != ANY) {
                count++;
            }
        }
        return count;
    }

    /** This segment with one attribute fixed to a code (or opened, with {@link #ANY}). */
    public Segment with(Attribute attribute, int code) {
        if (code < ANY) {
            throw new IllegalArgumentException(attribute + " code " + code + " must be -1 (any) or a code");
        }
        int[] copy = codes.clone();
        copy[attribute.position()] = code;
        return new Segment(copy);
    }

    /** This segment with one attribute opened. */
    public Segment without(Attribute attribute) {
        return with(attribute, ANY);
    }

    /** The seven codes, {@link #ANY} for the open ones. */
    public int[] codes() {
        return codes.clone();
    }

    /** Whether every fixed code exists in the space. */
    public boolean fits(StateSpace space) {
        for (int p = 0; p < Attribute.COUNT; p++) {
            if (codes[p] >= space.size(Attribute.atPosition(p))) {
                return false;
            }
        }
        return true;
    }

    void checkFits(StateSpace space) {
        if (!fits(space)) {
            throw new IllegalArgumentException("segment " + this + " has a code outside " + space);
        }
    }

    /** Whether the state belongs to the segment. */
    public boolean matches(StateSpace space, int state) {
        for (int p = 0; p < Attribute.COUNT; p++) {
            if (codes[p] != ANY && space.code(state, Attribute.atPosition(p)) != codes[p]) {
                return false;
            }
        }
        return true;
    }

    /** The fixed attributes' labels, e.g. "Email Subject 2 · Saturday · gmail.com · Consumer"; "everyone" when none is. */
    public String describe(StateSpace space) {
        checkFits(space);
        StringJoiner joiner = new StringJoiner(" · ");
        for (int p = 0; p < Attribute.COUNT; p++) {
            if (codes[p] != ANY) {
                Attribute attribute = Attribute.atPosition(p);
                String label = space.label(attribute, codes[p]);
                joiner.add(
                        attribute == Attribute.TENURE
                                ? "tenure " + label
                                : attribute == Attribute.AGE ? "age " + label : label);
            }
        }
        return joiner.length() == 0 ? "everyone" : joiner.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Segment that && Arrays.equals(codes, that.codes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }

    /** Like {@code [1, 5, *, 2, *, *, 1]}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int code : codes) {
            joiner.add(code == ANY ? "*" : Integer.toString(code));
        }
        return joiner.toString();
    }
}
