package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinningTest {

    @ParameterizedTest(name = "{0} years of tenure -> group {1}")
    @CsvSource({
        "0, 0",
        "4, 0",
        "5, 1",
        "9, 1",
        "10, 2",
        "14, 2",
        "15, 3",
        "19, 3",
        "20, 4",
        "24, 4",
        "25, 5",
        "29, 5",
        "30, 6",
        "40, 6",
        "2147483647, 6"
    })
    void tenureGroupsAreFiveYearsWideAndOpenAboveThirty(int years, int expectedCode) {
        assertEquals(expectedCode, Binning.tenureCode(years));
    }

    @Test
    void negativeTenureIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binning.tenureCode(-1));
        assertTrue(e.getMessage().contains("tenure"), e.getMessage());
    }

    @ParameterizedTest(name = "age {0} -> group {1}")
    @CsvSource({"0, 0", "19, 0", "20, 1", "24, 1", "25, 2", "34, 2", "35, 3", "44, 3", "45, 4", "70, 4", "2147483647, 4"
    })
    void ageGroupsHaveTheirFixedEdges(int age, int expectedCode) {
        assertEquals(expectedCode, Binning.ageCode(age));
    }

    @Test
    void negativeAgeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binning.ageCode(-1));
        assertTrue(e.getMessage().contains("age"), e.getMessage());
    }

    @Test
    void daysRunFromMondayZeroToSundaySix() {
        LocalDate monday = LocalDate.of(2016, 1, 4);
        for (int offset = 0; offset < 14; offset++) {
            assertEquals(
                    offset % 7,
                    Binning.dayCode(monday.plusDays(offset)),
                    monday.plusDays(offset).toString());
        }
        assertEquals(6, Binning.dayCode(LocalDate.of(2016, 1, 3)), "2016-01-03 is a Sunday");
    }

    @Test
    void genderIsFemaleZeroMaleOneAndAnythingElseMinusOne() {
        assertEquals(0, Binning.genderCode("F"));
        assertEquals(1, Binning.genderCode("M"));
        for (String other : List.of("", "f", "m", "X", "FM", " F", "Female")) {
            assertEquals(-1, Binning.genderCode(other), "'" + other + "'");
        }
    }

    @Test
    void customerTypeIsBusinessZeroConsumerOneAndAnythingElseMinusOne() {
        assertEquals(0, Binning.typeCode("B"));
        assertEquals(1, Binning.typeCode("C"));
        for (String other : List.of("", "b", "c", "X", "BC", "B ", "Business")) {
            assertEquals(-1, Binning.typeCode(other), "'" + other + "'");
        }
    }

    @Test
    void emailDomainIsTheLowerCasedTextAfterTheLastAt() {
        assertEquals("gmail.com", Binning.emailDomain("someone@gmail.com"));
        assertEquals("example.org", Binning.emailDomain("Some.One@Example.ORG"));
        assertEquals("c.net", Binning.emailDomain("a@b@C.NET"));
        assertEquals("x", Binning.emailDomain("@x"));
    }

    @ParameterizedTest(name = "''{0}'' has no domain")
    @ValueSource(strings = {"", "no-at-sign", "someone@", "a@b@", "@"})
    void emailDomainIsNullWithoutAnAtOrWithNothingAfterIt(String address) {
        assertNull(Binning.emailDomain(address));
    }

    @ParameterizedTest(name = "''{0}'' has no domain")
    @ValueSource(strings = {"someone@ ", "someone@\t", "a@b.com@   "})
    void onlyWhitespaceAfterTheLastAtCountsAsNothing(String address) {
        assertNull(Binning.emailDomain(address), "an empty domain must not become a cell value");
    }

    @Test
    void labelsAreTheOnesExistingUsersKnow() {
        assertEquals(
                List.of("< 5", "5 - 10", "10 - 15", "15 - 20", "20 - 25", "25 - 30", "> 30"), Binning.TENURE_LABELS);
        assertEquals(List.of("< 20", "20 - 25", "25 - 35", "35 - 45", "> 45"), Binning.AGE_LABELS);
        assertEquals(
                List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                Binning.DAY_LABELS);
        assertEquals(List.of("Female", "Male"), Binning.GENDER_LABELS);
        assertEquals(List.of("Business", "Consumer"), Binning.TYPE_LABELS);
    }

    @Test
    void everyCodeABinningFunctionReturnsHasALabel() {
        for (int years = 0; years <= 60; years++) {
            assertTrue(Binning.tenureCode(years) < Binning.TENURE_LABELS.size());
        }
        for (int age = 0; age <= 120; age++) {
            assertTrue(Binning.ageCode(age) < Binning.AGE_LABELS.size());
        }
    }
}
