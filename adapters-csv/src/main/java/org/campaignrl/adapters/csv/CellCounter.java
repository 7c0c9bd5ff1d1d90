package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.List;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * Counts sends and responded sends per audience cell, in one or two parts (training, and held out when
 * the ingest splits the sends). The subject lines are only known once every send is read, so counts are
 * kept per subject id, each over the sub-space of the other six attributes (domains numbered by first
 * sighting), and laid into the state space of all subjects seen at the end.
 */
final class CellCounter {
    private static final int DAYS = Binning.DAY_LABELS.size();
    private static final int TENURES = Binning.TENURE_LABELS.size();
    private static final int AGES = Binning.AGE_LABELS.size();
    private static final int GENDERS = Binning.GENDER_LABELS.size();
    private static final int TYPES = Binning.TYPE_LABELS.size();
    private static final int CELLS_PER_DOMAIN = DAYS * TENURES * AGES * GENDERS * TYPES;
    /** The largest state space {@link StateSpace} accepts; checked early so a runaway one is refused before it fills memory. */
    private static final long MAX_STATES = Integer.MAX_VALUE / Action.COUNT;
    /** The most domains a state space with a single subject line can hold. */
    static final int MAX_DOMAINS = (int) (MAX_STATES / CELLS_PER_DOMAIN);

    static final int TRAINING = 0;
    static final int HELD_OUT = 1;

    private final int domainCount;
    private final int cellsPerSubject;
    private final int parts;
    private final Int2ObjectOpenHashMap<SubjectCounts> bySubject = new Int2ObjectOpenHashMap<>();

    /** @param parts 1 for training cells only, 2 for training and held-out cells */
    CellCounter(int domainCount, int parts) {
        this.parts = parts;
        if (domainCount > MAX_DOMAINS) {
            throw new IllegalArgumentException(domainCount + " domains is more than " + MAX_DOMAINS);
        }
        this.domainCount = domainCount;
        this.cellsPerSubject = CELLS_PER_DOMAIN * domainCount;
    }

    /** Whether sends for this subject can be counted without the state space growing too large. */
    boolean hasRoomFor(int subjectId) {
        return bySubject.containsKey(subjectId) || (bySubject.size() + 1L) * cellsPerSubject <= MAX_STATES;
    }

    int subjectCount() {
        return bySubject.size();
    }

    /** Counts one send into a part, given its customer's packed codes (see {@link Customers}). */
    void count(int part, int subjectId, int dayCode, int customerCodes, boolean responded) {
        SubjectCounts all = bySubject.get(subjectId);
        if (all == null) {
            all = new SubjectCounts(parts, cellsPerSubject);
            bySubject.put(subjectId, all);
        }
        Counts counts = all.parts[part];
        int cell = ((((dayCode * TENURES + Customers.tenureCode(customerCodes)) * domainCount
                + Customers.domainId(customerCodes)) * AGES + Customers.ageCode(customerCodes)) * GENDERS
                + Customers.genderCode(customerCodes)) * TYPES + Customers.typeCode(customerCodes);
        counts.sends[cell]++;
        if (responded) {
            counts.responded[cell]++;
        }
    }

    /**
     * One part's counts laid out over the state space of all the subjects seen and the given domains.
     *
     * @param domainsByFirstSeen the domain of each domain id the counts used
     */
    Cells toCells(List<String> domainsByFirstSeen, int part) {
        int[] subjectIds = bySubject.keySet().toIntArray();
        StateSpace space = new StateSpace(subjectIds, domainsByFirstSeen);
        int[] sortedDomainCode = new int[domainCount];
        for (int id = 0; id < domainCount; id++) {
            sortedDomainCode[id] = space.domainCode(domainsByFirstSeen.get(id));
        }
        long[] sends = new long[space.size()];
        long[] responded = new long[space.size()];
        for (int subjectId : subjectIds) {
            int subjectCode = space.subjectCode(subjectId);
            Counts counts = bySubject.get(subjectId).parts[part];
            for (int cell = 0; cell < cellsPerSubject; cell++) {
                if (counts.sends[cell] == 0) {
                    continue;
                }
                // Unpack the cell number, last attribute first.
                int rest = cell;
                int type = rest % TYPES;
                rest /= TYPES;
                int gender = rest % GENDERS;
                rest /= GENDERS;
                int age = rest % AGES;
                rest /= AGES;
                int domainId = rest % domainCount;
                rest /= domainCount;
                int tenure = rest % TENURES;
                int day = rest / TENURES;
                int state = space.indexOfCodes(subjectCode, day, tenure, sortedDomainCode[domainId], age, gender, type);
                sends[state] = counts.sends[cell];
                responded[state] = counts.responded[cell];
            }
        }
        return new Cells(space, sends, responded);
    }

    private static final class SubjectCounts {
        final Counts[] parts;

        SubjectCounts(int partCount, int cells) {
            parts = new Counts[partCount];
            for (int part = 0; part < partCount; part++) {
                parts[part] = new Counts(cells);
            }
        }
    }

    private static final class Counts {
        final long[] sends;
        final long[] responded;

        Counts(int cells) {
            sends = new long[cells];
            responded = new long[cells];
        }
    }
}
