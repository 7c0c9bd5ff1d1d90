package org.campaignrl.adapters.csv.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.IsoDates;
import org.campaignrl.domain.Binning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsingTest {
    @Test
    void weekStartsOnMonday() {
        assertEquals(0, Binning.dayCode(IsoDates.parse("2016-01-04")));
        assertEquals(6, Binning.dayCode(IsoDates.parse("2016-01-10")));
    }

    @Test
    void acceptsADateWithOrWithoutATime() {
        LocalDate day = LocalDate.of(2016, 2, 29);
        assertEquals(day, IsoDates.parse("2016-02-29"));
        assertEquals(day, IsoDates.parse("2016-02-29 23:59:59"));
        assertEquals(day, IsoDates.parse("2016-02-29T00:00:00"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2016-02-30",
                "2015-02-29",
                "2016-00-10",
                "2016-13-01",
                "2016-1-04",
                "04/01/2016",
                "2016-01-04 24:00:00",
                "2016-01-04 10:60:00",
                "2016-01-04 10:00",
                "2016-01-04x10:00:00",
                "2016-01-04 10:00:00.000",
                " 2016-01-04",
                "2016-01-04Z",
                "20l6-01-04"
            })
    void rejectsAnythingElseAsABadDate(String text) {
        assertNull(IsoDates.parse(text));
    }

    @Test
    void parsesIntsWithinRange() {
        assertEquals(0, Ints.parse("0"));
        assertEquals(-17, Ints.parse("-17"));
        assertEquals(17, Ints.parse("+17"));
        assertEquals(Integer.MAX_VALUE, Ints.parse("2147483647"));
        assertEquals(Integer.MIN_VALUE, Ints.parse("-2147483648"));
        assertEquals(42, Ints.parse("000000000000042"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-",
                "+",
                "2147483648",
                "-2147483649",
                "99999999999999999999999",
                "1.0",
                "1e3",
                " 1",
                "1 ",
                "0x10",
                "١٢"
            })
    void rejectsAnythingElseAsNotAnInt(String text) {
        assertEquals(Ints.NOT_AN_INT, Ints.parse(text));
    }
}
