package org.reception.cases.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reception.cases.Violation;

class PeriodTest {

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void calendarPeriodsHoldTheirDate() {
        LocalDate day = LocalDate.parse("2026-02-18"); // a Wednesday
        assertEquals(period("2026-02-18", "2026-02-18"), Period.of(Period.Unit.DAY, day));
        assertEquals(period("2026-02-16", "2026-02-22"), Period.of(Period.Unit.WEEK, day));
        assertEquals(period("2026-02-01", "2026-02-28"), Period.of(Period.Unit.MONTH, day));
        assertEquals(period("2026-01-01", "2026-03-31"), Period.of(Period.Unit.QUARTER, day));
        assertEquals(period("2026-01-01", "2026-12-31"), Period.of(Period.Unit.YEAR, day));
        assertEquals(period("2028-02-01", "2028-02-29"), Period.of(Period.Unit.MONTH, LocalDate.parse("2028-02-10")));
        assertEquals(period("2026-10-01", "2026-12-31"), Period.of(Period.Unit.QUARTER, LocalDate.parse("2026-12-31")));
    }

    @Test
    void thePreviousPeriodIsTheOneBeforeOfTheSameKind() {
        assertEquals(period("2026-02-01", "2026-02-28"), period("2026-03-01", "2026-03-31").previous());
        assertEquals(period("2025-10-01", "2025-12-31"), period("2026-01-01", "2026-03-31").previous());
        assertEquals(period("2025-01-01", "2025-12-31"), period("2026-01-01", "2026-12-31").previous());
        assertEquals(period("2026-02-09", "2026-02-15"), period("2026-02-16", "2026-02-22").previous());
        assertEquals(period("2026-03-09", "2026-03-09"), period("2026-03-10", "2026-03-10").previous());
        assertEquals(period("2026-01-17", "2026-02-15"), period("2026-02-16", "2026-03-17").previous());
    }

    @Test
    void daysAreCountedInChinaStandardTime() {
        Period march = period("2026-03-01", "2026-03-31");
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), march.start());
        assertEquals(Instant.parse("2026-03-31T16:00:00Z"), march.end());
        assertEquals(31, march.days());
    }

    @Test
    void aPeriodCoversAtMostTenYears() {
        assertFalse(period("2016-01-01", "2025-12-31").tooLong());
        assertTrue(period("2016-01-01", "2026-01-01").tooLong());
    }

    @Test
    void aRequestNamesItsPeriodOrTheFieldAtFault() {
        assertEquals(period("2026-03-01", "2026-03-31"), parse("2026-03-01", "2026-03-31", null, null, List.of()));
        assertEquals(period("2026-03-01", "2026-03-31"), parse(null, null, "month", "2026-03-15", List.of()));
        assertNull(parse("2026-03-31", "2026-03-01", null, null, List.of("to")));
        assertNull(parse("2026-13-01", "2026-03-01", null, null, List.of("from")));
        assertNull(parse("2010-01-01", "2026-03-01", null, null, List.of("to")));
        assertNull(parse(null, null, "fortnight", "2026-03-01", List.of("period")));
        assertNull(parse(null, null, "month", "yesterday", List.of("date")));
        assertNull(parse("2026-03-01", null, "month", null, List.of("period")));
        assertNull(parse(null, null, null, null, List.of("from")));
    }

    private static Period parse(String from, String to, String unit, String date, List<String> faults) {
        List<Violation> violations = new ArrayList<>();
        Period period = Period.parse(from, to, unit, date, violations);
        assertEquals(faults, violations.stream().map(Violation::field).toList());
        return period;
    }
}
