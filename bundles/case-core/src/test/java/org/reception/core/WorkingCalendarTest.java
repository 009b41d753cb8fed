package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.reception.cases.DeadlineKind;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = Holidays2026.calendar();

    @Test
    void weekendsHolidaysAndMakeUpDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 2)), "a Monday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)), "a Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 1)), "National Day");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 17)), "Spring Festival");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)), "a Saturday worked before Spring Festival");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 4)), "a Sunday worked after New Year");
    }

    @Test
    void aPeriodInDaysThatEndsOnAHolidayMovesToTheNextWorkingDay() {
        // 15 days from 2026-09-20 is 2026-10-05, inside the National Day holiday: due 2026-10-08.
        assertEquals(LocalDate.of(2026, 10, 8), calendar.due(LocalDate.of(2026, 9, 20), 15, false));
        // 15 days from 2026-03-02 is a Tuesday: due that day.
        assertEquals(LocalDate.of(2026, 3, 17), calendar.due(LocalDate.of(2026, 3, 2), 15, false));
    }

    @Test
    void periodsCrossMonthAndYearEnds() {
        assertEquals(LocalDate.of(2026, 3, 2), calendar.due(LocalDate.of(2026, 1, 31), 30, false),
                "2026-03-02 is 30 days after January 31 (February has 28 days)");
        assertEquals(LocalDate.of(2027, 2, 1), calendar.due(LocalDate.of(2026, 12, 2), 60, false),
                "60 days after 2026-12-02 is Sunday 2027-01-31: due Monday");
        assertEquals(LocalDate.of(2026, 1, 4), calendar.due(LocalDate.of(2025, 12, 17), 15, false),
                "01-01 and 02 are holidays, 03 a Saturday, Sunday 01-04 a make-up working day: due 2026-01-04");
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
        // From Thursday 2026-09-24: 28 (Mon), 29, 30, then 10-08, 10-09.
        assertEquals(LocalDate.of(2026, 10, 9), calendar.due(LocalDate.of(2026, 9, 24), 5, true));
        // From Friday 2026-02-13: Saturday 02-14 is worked, then 02-24, 25, 26, 27.
        assertEquals(LocalDate.of(2026, 2, 27), calendar.due(LocalDate.of(2026, 2, 13), 5, true));
        // From Wednesday 2026-12-30: 12-31, 2027-01-01 (not a 2026 holiday in this table), 01-04, 05, 06.
        assertEquals(LocalDate.of(2027, 1, 6), calendar.due(LocalDate.of(2026, 12, 30), 5, true));
    }

    @Test
    void aCalendarFileWithAMistakeIsRefusedWholeAndTheCalendarInForceStays() {
        calendar.modified(config("2026-10-01, 2026-13-01", ""));

        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 2)), "still the 2026 table");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)));

        calendar.modified(config("2026-03-03", ""));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 3)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 2)), "a good file replaces the table");
    }

    private static CalendarConfig config(String holidays, String workdays) {
        return new CalendarConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CalendarConfig.class;
            }

            @Override
            public String holidays() {
                return holidays;
            }

            @Override
            public String workdays() {
                return workdays;
            }
        };
    }

    @Test
    void legalDeadlinesStartOnTheDayOfTheEventInChinaStandardTime() {
        // 2026-03-01T17:00Z is already March 2 in Guiyang.
        Instant lateEvening = Instant.parse("2026-03-01T17:00:00Z");
        assertEquals(LocalDate.of(2026, 3, 17), calendar.due(DeadlineKind.DISPOSE, lateEvening));
        assertEquals(LocalDate.of(2026, 3, 9), calendar.due(DeadlineKind.OBJECT, lateEvening));
        assertEquals(LocalDate.of(2026, 5, 6), calendar.due(DeadlineKind.HANDLE, lateEvening),
                "60 days after March 2 is Friday May 1, a holiday until May 5: due May 6");
    }
}
