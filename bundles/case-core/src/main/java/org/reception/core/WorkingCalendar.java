package org.reception.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.PlatformTime;
import org.reception.cases.DeadlineKind;

/**
 * Working days of the reception centers: Monday to Friday, less public holidays, plus make-up
 * working days, from configuration an administrator edits each year (etc/org.reception.calendar.cfg).
 *
 * <p>Periods in days end on the day their length after the start; when that day is not a working
 * day, the period ends on the next working day (the usual rule of Chinese administrative law).
 * Periods in working days count working days only, from the day after the start.
 */
@Component(service = WorkingCalendar.class, configurationPid = CalendarConfig.PID)
@Designate(ocd = CalendarConfig.class)
public final class WorkingCalendar {


    private static final Logger LOG = LogManager.getLogger(WorkingCalendar.class);

    private volatile Set<LocalDate> holidays = Set.of();
    private volatile Set<LocalDate> workdays = Set.of();

    @Activate
    public WorkingCalendar(CalendarConfig config) {
        modified(config);
    }

    WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
    }

    /** A calendar file with a mistake is refused whole, and the calendar in force stays. */
    @Modified
    void modified(CalendarConfig config) {
        try {
            Set<LocalDate> newHolidays = dates(config.holidays(), "holidays");
            Set<LocalDate> newWorkdays = dates(config.workdays(), "workdays");
            this.holidays = newHolidays;
            this.workdays = newWorkdays;
            LOG.info("Working-day calendar: {} holidays, {} make-up working days", newHolidays.size(), newWorkdays.size());
        } catch (IllegalArgumentException e) {
            LOG.error("{} in etc/{}.cfg; the calendar in force is kept", e.getMessage(), CalendarConfig.PID);
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The last day of a legal period that starts at {@code start}. */
    public LocalDate due(DeadlineKind kind, Instant start) {
        return due(day(start), kind.length(), kind.countsWorkingDays());
    }

    public LocalDate due(LocalDate start, int length, boolean workingDays) {
        if (workingDays) {
            LocalDate day = start;
            for (int counted = 0; counted < length; ) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    counted++;
                }
            }
            return day;
        }
        LocalDate day = start.plusDays(length);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The calendar day of an instant in China Standard Time. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(PlatformTime.ZONE).toLocalDate();
    }

    private static Set<LocalDate> dates(String list, String name) {
        try {
            return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).map(LocalDate::parse)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("calendar " + name + ": '" + e.getParsedString()
                    + "' is not an ISO date (yyyy-mm-dd)", e);
        }
    }
}
