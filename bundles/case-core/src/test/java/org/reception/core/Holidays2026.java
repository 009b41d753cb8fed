package org.reception.core;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The State Council's 2026 arrangement of public holidays, as shipped in etc/org.reception.calendar.cfg. */
final class Holidays2026 {

    static final String HOLIDAYS = "2026-01-01,2026-01-02,"
            + "2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-23,"
            + "2026-04-06,"
            + "2026-05-01,2026-05-04,2026-05-05,"
            + "2026-06-19,"
            + "2026-09-25,"
            + "2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07";
    static final String WORKDAYS = "2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10";

    static WorkingCalendar calendar() {
        return new WorkingCalendar(dates(HOLIDAYS), dates(WORKDAYS));
    }

    private static Set<LocalDate> dates(String list) {
        return Arrays.stream(list.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
    }

    private Holidays2026() {
    }
}
