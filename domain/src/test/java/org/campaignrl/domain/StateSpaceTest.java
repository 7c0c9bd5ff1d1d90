package org.campaignrl.domain;

import static org.campaignrl.domain.Spaces.codes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSpaceTest {

    @Test
    void sizeIsTheProductOfEveryAttributesSize() {
        assertEquals(980, Spaces.tiny().size());
        StateSpace small = Spaces.small();
        assertEquals(3 * 7 * 7 * 2 * 5 * 2 * 2, small.size());
        assertEquals(3, small.size(Attribute.SUBJECT));
        assertEquals(7, small.size(Attribute.DAY));
        assertEquals(7, small.size(Attribute.TENURE));
        assertEquals(2, small.size(Attribute.DOMAIN));
        assertEquals(5, small.size(Attribute.AGE));
        assertEquals(2, small.size(Attribute.GENDER));
        assertEquals(2, small.size(Attribute.TYPE));
    }

    @Test
    void subjectIdsAndDomainsAreSortedWhateverTheInputOrder() {
        int[] ids = {17, 4, 9};
        List<String> domains = new ArrayList<>(List.of("yahoo.com", "gmail.com", "aol.com"));
        StateSpace space = new StateSpace(ids, domains);

        assertArrayEquals(new int[] {4, 9, 17}, space.subjectIds());
        assertEquals(List.of("aol.com", "gmail.com", "yahoo.com"), space.domains());
        assertArrayEquals(new int[] {17, 4, 9}, ids, "the caller's array is left alone");
        assertEquals(List.of("yahoo.com", "gmail.com", "aol.com"), domains, "the caller's list is left alone");
        assertEquals(space, new StateSpace(new int[] {9, 17, 4}, List.of("gmail.com", "aol.com", "yahoo.com")));
        assertEquals(
                space.hashCode(),
                new StateSpace(new int[] {9, 17, 4}, List.of("gmail.com", "aol.com", "yahoo.com")).hashCode());
    }

    @Test
    void subjectAndDomainCodesArePositionsInTheSortedValues() {
        StateSpace space = Spaces.small();
        assertEquals(0, space.subjectCode(4));
        assertEquals(1, space.subjectCode(9));
        assertEquals(2, space.subjectCode(17));
        assertEquals(-1, space.subjectCode(5));
        assertEquals(17, space.subjectId(2));
        assertEquals(0, space.domainCode("a.com"));
        assertEquals(1, space.domainCode("b.org"));
        assertEquals(-1, space.domainCode("c.net"));
    }

    @Test
    void stateSpacesAreEqualOnlyWithTheSameSubjectsAndDomains() {
        assertNotEquals(Spaces.small(), new StateSpace(new int[] {4, 9}, List.of("a.com", "b.org")));
        assertNotEquals(Spaces.small(), new StateSpace(new int[] {4, 9, 17}, List.of("a.com")));
    }

    @Test
    void returnedSubjectIdsAndDomainsCannotChangeTheSpace() {
        StateSpace space = Spaces.small();
        space.subjectIds()[0] = 99;
        assertArrayEquals(new int[] {4, 9, 17}, space.subjectIds());
        assertThrows(UnsupportedOperationException.class, () -> space.domains().add("z.com"));
    }

    @Test
    void duplicateSubjectIdsAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new StateSpace(new int[] {3, 1, 3}, List.of("a.com")));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void duplicateDomainsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StateSpace(new int[] {1}, List.of("b.com", "a.com", "b.com")));
    }

    @Test
    void aSpaceNeedsAtLeastOneSubjectAndOneDomain() {
        assertThrows(IllegalArgumentException.class, () -> new StateSpace(new int[0], List.of("a.com")));
        assertThrows(IllegalArgumentException.class, () -> new StateSpace(new int[] {1}, List.of()));
    }

    @Test
    void aSpaceTooLargeForTheQTableIsRejected() {
        int[] ids = new int[200_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        assertThrows(IllegalArgumentException.class, () -> new StateSpace(ids, List.of("a.com", "b.com")));
    }

    @Test
    void codesRoundTripThroughTheIndexForEveryState() {
        StateSpace space = Spaces.small();
        boolean[] seen = new boolean[space.size()];
        for (int index = 0; index < space.size(); index++) {
            int[] codes = space.codesOf(index);
            assertEquals(index, space.indexOfCodes(codes));
            for (Attribute attribute : Attribute.values()) {
                assertEquals(codes[attribute.position()], space.code(index, attribute));
                assertTrue(codes[attribute.position()] >= 0 && codes[attribute.position()] < space.size(attribute));
            }
            seen[space.indexOfCodes(codes)] = true;
        }
        for (int index = 0; index < space.size(); index++) {
            assertTrue(seen[index], "index " + index + " is reached");
        }
    }

    @Test
    void everyCodeCombinationHasItsOwnIndex() {
        StateSpace space = Spaces.small();
        boolean[] taken = new boolean[space.size()];
        int count = 0;
        for (int s = 0; s < 3; s++) {
            for (int d = 0; d < 7; d++) {
                for (int t = 0; t < 7; t++) {
                    for (int m = 0; m < 2; m++) {
                        for (int a = 0; a < 5; a++) {
                            for (int g = 0; g < 2; g++) {
                                for (int c = 0; c < 2; c++) {
                                    int index = space.indexOfCodes(s, d, t, m, a, g, c);
                                    assertTrue(index >= 0 && index < space.size());
                                    assertTrue(!taken[index], "index " + index + " given twice");
                                    taken[index] = true;
                                    assertArrayEquals(codes(s, d, t, m, a, g, c), space.codesOf(index));
                                    count++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(space.size(), count);
    }

    @Test
    void vectorsCarryTheSubjectIdInSlotZeroAndRoundTripForEveryState() {
        StateSpace space = Spaces.small();
        for (int index = 0; index < space.size(); index++) {
            int[] vector = space.vectorOf(index);
            int[] codes = space.codesOf(index);
            assertEquals(space.subjectId(codes[0]), vector[0]);
            for (int p = 1; p < Attribute.COUNT; p++) {
                assertEquals(codes[p], vector[p]);
            }
            assertEquals(index, space.indexOfVector(vector));
        }
        assertArrayEquals(new int[] {17, 6, 3, 1, 4, 0, 1}, space.vectorOf(space.indexOfCodes(2, 6, 3, 1, 4, 0, 1)));
    }

    @Test
    void indexOfVectorDoesNotChangeTheCallersVector() {
        StateSpace space = Spaces.small();
        int[] vector = {9, 1, 2, 1, 3, 1, 0};
        space.indexOfVector(vector);
        assertArrayEquals(new int[] {9, 1, 2, 1, 3, 1, 0}, vector);
    }

    @Test
    void outOfRangeCodesAreRejectedNamingTheAttribute() {
        StateSpace space = Spaces.small();
        for (Attribute attribute : Attribute.values()) {
            for (int bad : new int[] {-1, space.size(attribute)}) {
                int[] codes = new int[Attribute.COUNT];
                codes[attribute.position()] = bad;
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class, () -> space.indexOfCodes(codes), attribute + " " + bad);
                assertNamesAttribute(e.getMessage(), attribute);
            }
        }
    }

    @Test
    void outOfRangeVectorValuesAreRejectedNamingTheAttribute() {
        StateSpace space = Spaces.small();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> space.indexOfVector(new int[] {4, 0, 0, 2, 0, 0, 0}));
        assertNamesAttribute(e.getMessage(), Attribute.DOMAIN);
        e = assertThrows(IllegalArgumentException.class, () -> space.indexOfVector(new int[] {4, 7, 0, 0, 0, 0, 0}));
        assertNamesAttribute(e.getMessage(), Attribute.DAY);
    }

    @Test
    void anUnknownSubjectIdIsRejected() {
        StateSpace space = Spaces.small();
        for (int unknown : new int[] {0, 1, 2, 5, 18, -4}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> space.indexOfVector(new int[] {unknown, 0, 0, 0, 0, 0, 0}));
            assertTrue(e.getMessage().contains(String.valueOf(unknown)), e.getMessage());
        }
    }

    @Test
    void subjectCodesAreNotAcceptedInPlaceOfSubjectIds() {
        StateSpace space = Spaces.small();
        assertThrows(IllegalArgumentException.class, () -> space.indexOfVector(new int[] {0, 0, 0, 0, 0, 0, 0}));
    }

    @Test
    void aStateOfTheWrongLengthIsRejected() {
        StateSpace space = Spaces.small();
        assertThrows(IllegalArgumentException.class, () -> space.indexOfCodes(0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> space.indexOfCodes(0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> space.indexOfVector(new int[] {4, 0, 0, 0, 0, 0}));
    }

    @Test
    void indicesOutsideTheSpaceAreRejected() {
        StateSpace space = Spaces.small();
        assertThrows(IndexOutOfBoundsException.class, () -> space.codesOf(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> space.codesOf(space.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> space.vectorOf(space.size()));
    }

    @Test
    void labelsNameEveryCode() {
        StateSpace space = Spaces.small();
        assertEquals("Email Subject 4", space.label(Attribute.SUBJECT, 0));
        assertEquals("Email Subject 17", space.label(Attribute.SUBJECT, 2));
        assertEquals("Monday", space.label(Attribute.DAY, 0));
        assertEquals("Sunday", space.label(Attribute.DAY, 6));
        assertEquals("< 5", space.label(Attribute.TENURE, 0));
        assertEquals("> 30", space.label(Attribute.TENURE, 6));
        assertEquals("a.com", space.label(Attribute.DOMAIN, 0));
        assertEquals("b.org", space.label(Attribute.DOMAIN, 1));
        assertEquals("< 20", space.label(Attribute.AGE, 0));
        assertEquals("> 45", space.label(Attribute.AGE, 4));
        assertEquals("Female", space.label(Attribute.GENDER, 0));
        assertEquals("Male", space.label(Attribute.GENDER, 1));
        assertEquals("Business", space.label(Attribute.TYPE, 0));
        assertEquals("Consumer", space.label(Attribute.TYPE, 1));
    }

    @Test
    void attributesAreInStateVectorOrder() {
        assertEquals(
                List.of(
                        Attribute.SUBJECT,
                        Attribute.DAY,
                        Attribute.TENURE,
                        Attribute.DOMAIN,
                        Attribute.AGE,
                        Attribute.GENDER,
                        Attribute.TYPE),
                List.of(Attribute.values()));
        for (Attribute attribute : Attribute.values()) {
            assertEquals(attribute, Attribute.atPosition(attribute.position()));
        }
        assertEquals(Attribute.COUNT, Attribute.values().length);
    }

    private static void assertNamesAttribute(String message, Attribute attribute) {
        assertTrue(
                message.contains(attribute.name()) || message.contains(attribute.displayName()),
                "'" + message + "' should name " + attribute);
    }
}
