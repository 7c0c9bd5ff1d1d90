package org.campaignrl.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadoutStatisticsTest {

    @Test
    void theLiftIntervalIsNewcombesHybridScoreInterval() {
        // Newcombe (1998), table II, example (a): 56/70 against 48/80, method 10: 0.0524 to 0.3339.
        Lift lift = ReadoutStatistics.lift(56, 70, 48, 80);
        assertEquals(0.2, lift.absolute(), 1e-12);
        assertEquals(0.0524, lift.absoluteLower(), 5e-5);
        assertEquals(0.3339, lift.absoluteUpper(), 5e-5);
        assertEquals(0.8 / 0.6 - 1, lift.relative(), 1e-12);
        assertTrue(lift.relativeLower() < lift.relative() && lift.relative() < lift.relativeUpper());
        assertEquals(0.2 * 70, lift.incremental(), 1e-9);
        assertTrue(lift.beatsControl());
        // Example (h): 10/10 against 0/10: 0.6075 to 1.
        Lift extreme = ReadoutStatistics.lift(10, 10, 0, 10);
        assertEquals(0.6075, extreme.absoluteLower(), 5e-5);
        assertEquals(1.0, extreme.absoluteUpper(), 1e-9);
        assertTrue(Double.isNaN(extreme.relative()), "no ratio against a control that never responded");
    }

    private static Assignments plan(int target, int explore, int control) {
        Assignments.Builder builder = Assignments.builder(target + explore + control);
        int id = 1;
        for (int i = 0; i < target; i++) {
            builder.add(id++, Group.TARGET, LocalDate.of(2016, 4, 5), 0.2 + 0.001 * i);
        }
        for (int i = 0; i < explore; i++) {
            builder.add(id++, Group.EXPLORE, LocalDate.of(2016, 4, 6), 0.05);
        }
        for (int i = 0; i < control; i++) {
            builder.add(id++, Group.CONTROL, LocalDate.of(2016, 4, 5), 0.1);
        }
        return builder.build();
    }

    @Test
    void eachGroupCountsItsOwnSentCustomersAndTheirResponses() {
        Assignments a = plan(100, 20, 50);
        BitSet sent = new BitSet();
        BitSet responded = new BitSet();
        sent.set(0, 90); // 90 of the target sent
        responded.set(0, 30);
        responded.set(95); // sent? no: a target customer never sent does not count
        sent.set(100, 120);
        responded.set(100, 102);
        sent.set(120, 170);
        responded.set(120, 125);
        Readout readout = ReadoutStatistics.of(a, sent, responded, ControlTreatment.BUSINESS_AS_USUAL);
        GroupConversion target = readout.group(Group.TARGET).orElseThrow();
        assertEquals(100, target.planned());
        assertEquals(90, target.sent());
        assertEquals(30, target.responded());
        assertEquals(1.0 / 3, target.conversion().rate(), 1e-12);
        GroupConversion control = readout.group(Group.CONTROL).orElseThrow();
        assertEquals(5, control.responded());
        assertEquals(0.1, control.predicted(), 1e-12);
        Lift lift = readout.lift().orElseThrow();
        assertEquals(1.0 / 3 - 0.1, lift.absolute(), 1e-12);
        assertEquals(90 * (1.0 / 3 - 0.1), lift.incremental(), 1e-9);
    }

    @Test
    void aControlThatGotNothingCountsAllItsCustomers() {
        Assignments a = plan(10, 0, 10);
        BitSet sent = new BitSet();
        sent.set(0, 10);
        BitSet responded = new BitSet();
        responded.set(0, 4);
        Readout readout = ReadoutStatistics.of(a, sent, responded, ControlTreatment.NOTHING);
        GroupConversion control = readout.group(Group.CONTROL).orElseThrow();
        assertEquals(10, control.sent());
        assertEquals(0, control.responded());
        assertEquals(0.4, readout.lift().orElseThrow().absolute(), 1e-12);
        assertTrue(readout.group(Group.EXPLORE).isEmpty(), "a plan without explore has no explore row");
    }

    @Test
    void withoutAControlThereIsNoLift() {
        BitSet sent = new BitSet();
        sent.set(0, 10);
        assertFalse(ReadoutStatistics.of(plan(10, 0, 0), sent, new BitSet(), ControlTreatment.BUSINESS_AS_USUAL)
                .lift()
                .isPresent());
    }

    @Test
    void calibrationBinsHoldEverySentCustomerOnceInOrderOfPrediction() {
        Assignments a = plan(105, 20, 10);
        BitSet sent = new BitSet();
        sent.set(0, 135);
        BitSet responded = new BitSet();
        responded.set(50, 105);
        List<CalibrationRow> rows = ReadoutStatistics.of(a, sent, responded, ControlTreatment.BUSINESS_AS_USUAL)
                .calibration();
        assertEquals(ReadoutStatistics.CALIBRATION_BINS, rows.size());
        assertEquals(125, rows.stream().mapToLong(CalibrationRow::sent).sum(), "target and explore, not control");
        assertEquals(55, rows.stream().mapToLong(CalibrationRow::responded).sum());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).fromPredicted() >= rows.get(i - 1).toPredicted());
            assertTrue(rows.get(i).predicted() >= rows.get(i - 1).predicted());
        }
        assertEquals(0.05, rows.get(0).predicted(), 1e-12, "the explore customers predicted lowest");
    }
}
