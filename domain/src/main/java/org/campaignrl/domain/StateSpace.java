package org.campaignrl.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audience space derived from the data: which subject lines and email domains exist,
 * and how a state (one code per {@link Attribute}) maps to a dense index and back.
 *
 * <p>Codes are positions in each attribute's ordered values; the subject's code is the position
 * of its id in {@link #subjectIds()}. The state <em>vector</em> users see carries the subject id
 * itself in slot 0 and codes elsewhere.
 */
public final class StateSpace {
    private final int[] subjectIds;
    private final List<String> domains;
    private final int[] sizes = new int[Attribute.COUNT];
    private final int[] strides = new int[Attribute.COUNT];
    private final int size;

    public StateSpace(int[] subjectIds, List<String> domains) {
        if (subjectIds.length == 0) {
            throw new IllegalArgumentException("a state space needs at least one subject line");
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("a state space needs at least one email domain");
        }
        int[] sortedIds = subjectIds.clone();
        Arrays.sort(sortedIds);
        for (int i = 1; i < sortedIds.length; i++) {
            if (sortedIds[i] == sortedIds[i - 1]) {
                throw new IllegalArgumentException("subject line id " + sortedIds[i] + " given twice");
            }
        }
        List<String> sortedDomains = new ArrayList<>(domains);
        sortedDomains.sort(null);
        if (sortedDomains.stream().distinct().count() != sortedDomains.size()) {
            throw new IllegalArgumentException("email domains must be distinct: " + domains);
        }
        this.subjectIds = sortedIds;
        this.domains = List.copyOf(sortedDomains);

        sizes[Attribute.SUBJECT.position()] = sortedIds.length;
        sizes[Attribute.DAY.position()] = Binning.DAY_LABELS.size();
        sizes[Attribute.TENURE.position()] = Binning.TENURE_LABELS.size();
        sizes[Attribute.DOMAIN.position()] = sortedDomains.size();
        sizes[Attribute.AGE.position()] = Binning.AGE_LABELS.size();
        sizes[Attribute.GENDER.position()] = Binning.GENDER_LABELS.size();
        sizes[Attribute.TYPE.position()] = Binning.TYPE_LABELS.size();

        long stride = 1;
        for (int p = Attribute.COUNT - 1; p >= 0; p--) {
            strides[p] = (int) stride;
            stride *= sizes[p];
        }
        if (stride > Integer.MAX_VALUE / Action.COUNT) {
            throw new IllegalArgumentException("state space too large: " + stride + " states");
        }
        this.size = (int) stride;
    }

    /** Number of states. */
    public int size() {
        return size;
    }

    /** Number of values of an attribute. */
    public int size(Attribute attribute) {
        return sizes[attribute.position()];
    }

    /** Subject line ids present, ascending. */
    public int[] subjectIds() {
        return subjectIds.clone();
    }

    /** Email domains present, sorted. */
    public List<String> domains() {
        return domains;
    }

    /** The code of a subject id, or -1 when the id is not in the data. */
    public int subjectCode(int subjectId) {
        int code = Arrays.binarySearch(subjectIds, subjectId);
        return code >= 0 ? code : -1;
    }

    public int subjectId(int subjectCode) {
        return subjectIds[subjectCode];
    }

    /** The code of a domain, or -1 when the domain is not in the data. */
    public int domainCode(String domain) {
        int code = java.util.Collections.binarySearch(domains, domain);
        return code >= 0 ? code : -1;
    }

    /** Index of the state with these codes (one per attribute, in vector order). */
    public int indexOfCodes(int... codes) {
        if (codes.length != Attribute.COUNT) {
            throw new IllegalArgumentException("a state has " + Attribute.COUNT + " codes, not " + codes.length);
        }
        int index = 0;
        for (int p = 0; p < Attribute.COUNT; p++) {
            if (codes[p] < 0 || codes[p] >= sizes[p]) {
                throw new IllegalArgumentException(
                        Attribute.atPosition(p) + " code " + codes[p] + " is out of range 0.." + (sizes[p] - 1));
            }
            index += codes[p] * strides[p];
        }
        return index;
    }

    /** Codes of the state at this index, in vector order. */
    public int[] codesOf(int index) {
        checkIndex(index);
        int[] codes = new int[Attribute.COUNT];
        for (int p = 0; p < Attribute.COUNT; p++) {
            codes[p] = (index / strides[p]) % sizes[p];
        }
        return codes;
    }

    public int code(int index, Attribute attribute) {
        int p = attribute.position();
        return (index / strides[p]) % sizes[p];
    }

    /** The index reached by moving one attribute to its next value, wrapping around. */
    public int advance(int index, Attribute attribute) {
        int p = attribute.position();
        int code = (index / strides[p]) % sizes[p];
        int nextCode = code + 1 == sizes[p] ? 0 : code + 1;
        return index + (nextCode - code) * strides[p];
    }

    /** The user-facing vector: subject id in slot 0, codes elsewhere. */
    public int[] vectorOf(int index) {
        int[] vector = codesOf(index);
        vector[0] = subjectIds[vector[0]];
        return vector;
    }

    /** The index of a user-facing vector (subject id in slot 0); throws on an id or code not in the space. */
    public int indexOfVector(int[] vector) {
        if (vector.length != Attribute.COUNT) {
            throw new IllegalArgumentException("a state has " + Attribute.COUNT + " values, not " + vector.length);
        }
        int[] codes = vector.clone();
        codes[0] = subjectCode(vector[0]);
        if (codes[0] < 0) {
            throw new IllegalArgumentException("subject line id " + vector[0] + " is not in the data");
        }
        return indexOfCodes(codes);
    }

    /** Display label of a code: "Monday", "< 5", "gmail.com", "Email Subject 2", … */
    public String label(Attribute attribute, int code) {
        return switch (attribute) {
            case SUBJECT -> "Email Subject " + subjectIds[code];
            case DAY -> Binning.DAY_LABELS.get(code);
            case TENURE -> Binning.TENURE_LABELS.get(code);
            case DOMAIN -> domains.get(code);
            case AGE -> Binning.AGE_LABELS.get(code);
            case GENDER -> Binning.GENDER_LABELS.get(code);
            case TYPE -> Binning.TYPE_LABELS.get(code);
        };
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("state index " + index + " outside 0.." + (size - 1));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateSpace that
                && Arrays.equals(subjectIds, that.subjectIds)
                && domains.equals(that.domains);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(subjectIds) + domains.hashCode();
    }

    @Override
    public String toString() {
        return "StateSpace" + Arrays.toString(sizes) + " subjects=" + Arrays.toString(subjectIds) + " domains="
                + domains;
    }
}
