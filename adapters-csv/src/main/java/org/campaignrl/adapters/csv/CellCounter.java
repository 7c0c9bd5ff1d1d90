package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
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
 *
 * <p>Each part of sent_emails.csv being read has its own counter (see {@link SendRows}); they share one
 * {@link Subjects}, which bounds the state space by the subjects of all of them, and are added up at the end.
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

    private static final int SMALL_IDS = 256;

    static final int TRAINING = 0;
    static final int HELD_OUT = 1;

    private final int domainCount;
    private final int cellsPerSubject;
    private final int parts;
    private final Subjects subjects;
    private final Int2ObjectOpenHashMap<SubjectCounts> bySubject = new Int2ObjectOpenHashMap<>();
    /** The counts of subject ids 0..SMALL_IDS-1, found without hashing: subject ids are usually small. */
    private final SubjectCounts[] bySmallId = new SubjectCounts[SMALL_IDS];

    /**
     * @param parts    1 for training cells only, 2 for training and held-out cells
     * @param subjects the distinct subjects of every counter of this ingest
     */
    CellCounter(int domainCount, int parts, Subjects subjects) {
        this.parts = parts;
        if (domainCount > MAX_DOMAINS) {
            throw new IllegalArgumentException(domainCount + " domains is more than " + MAX_DOMAINS);
        }
        this.domainCount = domainCount;
        this.cellsPerSubject = CELLS_PER_DOMAIN * domainCount;
        this.subjects = subjects;
    }

    /** The distinct subjects of all the counters sharing this one's {@link Subjects}. */
    int subjectCount() {
        return subjects.count();
    }

    /**
     * Counts one send into a part, given its customer's packed codes (see {@link Customers}); false, and
     * nothing counted, when its subject would be one too many for the state space.
     */
    boolean count(int part, int subjectId, int dayCode, int customerCodes, boolean responded) {
        SubjectCounts all = subjectId >= 0 && subjectId < SMALL_IDS ? bySmallId[subjectId] : null;
        if (all == null && (all = find(subjectId)) == null) {
            return false;
        }
        Counts counts = all.parts[part];
        int cell = ((((dayCode * TENURES + Customers.tenureCode(customerCodes)) * domainCount
                                                                + Customers.domainId(customerCodes))
                                                        * AGES
                                                + Customers.ageCode(customerCodes))
                                        * GENDERS
                                + Customers.genderCode(customerCodes))
                        * TYPES
                + Customers.typeCode(customerCodes);
        counts.sends[cell]++;
        if (responded) {
            counts.responded[cell]++;
        }
        return true;
    }

    private SubjectCounts find(int subjectId) {
        SubjectCounts all = bySubject.get(subjectId);
        if (all == null) {
            if (!subjects.admit(subjectId)) {
                return null;
            }
            all = new SubjectCounts(parts, cellsPerSubject);
            bySubject.put(subjectId, all);
        }
        if (subjectId >= 0 && subjectId < SMALL_IDS) {
            bySmallId[subjectId] = all;
        }
        return all;
    }

    /** Adds another counter's counts (same domains and parts) to this one's. */
    void add(CellCounter other) {
        for (var entry : other.bySubject.int2ObjectEntrySet()) {
            SubjectCounts mine = bySubject.get(entry.getIntKey());
            if (mine == null) {
                bySubject.put(entry.getIntKey(), entry.getValue());
                continue;
            }
            for (int part = 0; part < parts; part++) {
                mine.parts[part].add(entry.getValue().parts[part]);
            }
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

        void add(Counts other) {
            for (int cell = 0; cell < sends.length; cell++) {
                sends[cell] += other.sends[cell];
                responded[cell] += other.responded[cell];
            }
        }
    }

    /**
     * The distinct subjects met by the counters of one reading of sent_emails.csv, shared by its parts.
     * Asked only when a counter meets a subject new to it, so the lock is taken a few times per part.
     */
    static final class Subjects {
        private final long cellsPerSubject;
        private final IntOpenHashSet ids = new IntOpenHashSet();

        Subjects(int domainCount) {
            this.cellsPerSubject = (long) CELLS_PER_DOMAIN * domainCount;
        }

        /** Whether sends of this subject may be counted without the state space growing too large. */
        synchronized boolean admit(int subjectId) {
            if (ids.contains(subjectId)) {
                return true;
            }
            if ((ids.size() + 1L) * cellsPerSubject > MAX_STATES) {
                return false;
            }
            ids.add(subjectId);
            return true;
        }

        synchronized int count() {
            return ids.size();
        }
    }
}
