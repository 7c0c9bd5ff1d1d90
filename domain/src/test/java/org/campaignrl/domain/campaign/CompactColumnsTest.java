package org.campaignrl.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignrl.domain.Attribute;
import org.junit.jupiter.api.Test;

/** CustomerProfiles and Assignments: primitive columns sorted by id, each id once. */
class CompactColumnsTest {

    @Test
    void profilesAreSortedByIdWithTheirCodes() {
        CustomerProfiles profiles = CustomerProfiles.builder(1)
                .add(30, 6, 5, 4, 1, 1)
                .add(-4, 0, 1, 2, 0, 1)
                .add(10, 3, 200, 0, 1, 0)
                .build();
        assertEquals(3, profiles.size());
        assertEquals(-4, profiles.id(0));
        assertEquals(10, profiles.id(1));
        assertEquals(200, profiles.code(1, Attribute.DOMAIN), "codes are unsigned bytes");
        assertEquals(6, profiles.code(2, Attribute.TENURE));
        assertEquals(2, profiles.positionOf(30));
        assertEquals(-1, profiles.positionOf(11));
        assertEquals(profiles, CustomerProfiles.of(profiles.ids(), profiles.codes()));
        assertThrows(IllegalArgumentException.class, () -> profiles.code(0, Attribute.DAY));
        assertThrows(
                IllegalArgumentException.class,
                () -> CustomerProfiles.builder(2)
                        .add(1, 0, 0, 0, 0, 0)
                        .add(1, 0, 0, 0, 0, 0)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> CustomerProfiles.builder(1).add(1, 0, 256, 0, 0, 0));
    }

    @Test
    void assignmentsAreSortedByCustomerAndIterateInThatOrder() {
        Assignments.Builder builder = Assignments.builder(0);
        for (int i = 40; i > 0; i--) {
            builder.add(i * 7, Group.ofCode(i % 3), LocalDate.of(2016, 4, 4).plusDays(i % 7), i / 100.0);
        }
        Assignments a = builder.build();
        assertEquals(40, a.size());
        List<Integer> ids = new ArrayList<>();
        a.forEach(assignment -> ids.add(assignment.customerId()));
        for (int i = 1; i < ids.size(); i++) {
            assertEquals(ids.get(i - 1) + 7, ids.get(i));
        }
        assertEquals(new Assignment(7, Group.EXPLORE, LocalDate.of(2016, 4, 5), 0.01), a.get(0));
        assertEquals(13, a.count(Group.TARGET));
        assertEquals(14, a.count(Group.EXPLORE));
        assertEquals(13, a.count(Group.CONTROL));
        assertEquals(3, a.positionOf(28));
        assertEquals(-1, a.positionOf(29));
        assertEquals(LocalDate.of(2016, 4, 4), a.firstSendDate());
        assertThrows(
                IllegalArgumentException.class,
                () -> Assignments.builder(1)
                        .add(1, Group.TARGET, LocalDate.EPOCH, 0.1)
                        .add(1, Group.CONTROL, LocalDate.EPOCH, 0.1)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Assignments.builder(1).add(1, Group.TARGET, LocalDate.EPOCH, 1.5));
    }
}
