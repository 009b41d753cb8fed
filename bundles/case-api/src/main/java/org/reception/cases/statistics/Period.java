package org.reception.cases.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reception.cases.PlatformTime;
import org.reception.cases.Violation;

/**
 * A run of whole days in China Standard Time ({@link PlatformTime#ZONE}), both ends included: a case
 * counts in it when it was received from the first day's 00:00 to the last day's 24:00 CST.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period a statistic covers: ten years. */
    public static final int MAX_YEARS = 10;

    /** The calendar units a period may be named by. */
    public enum Unit {
        DAY, WEEK, MONTH, QUARTER, YEAR;

        public static Optional<Unit> named(String name) {
            return name == null ? Optional.empty() : Arrays.stream(values())
                    .filter(u -> u.name().equals(name.strip().toUpperCase(Locale.ROOT))).findFirst();
        }
    }

    public Period {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period has both ends");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends on or after its first day");
        }
    }

    /** The calendar day, ISO week (Monday to Sunday), month, quarter or year that holds {@code date}. */
    public static Period of(Unit unit, LocalDate date) {
        return switch (unit) {
            case DAY -> new Period(date, date);
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday, monday.plusDays(6));
            }
            case MONTH -> new Period(date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = date.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new Period(first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Period(date.withDayOfYear(1), date.with(TemporalAdjusters.lastDayOfYear()));
        };
    }

    /** How many days the period has. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whether the period is longer than {@link #MAX_YEARS} years. */
    public boolean tooLong() {
        return to.isAfter(from.plusYears(MAX_YEARS).minusDays(1));
    }

    /**
     * The period to compare with: the one before it of the same kind when it is a whole calendar
     * month, quarter or year (March against February, Q1 against the Q4 before); otherwise as many
     * days ending the day before it begins (a week against the week before).
     */
    public Period previous() {
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
        if (wholeMonths) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            LocalDate start = from.minusMonths(months);
            return new Period(start, from.minusDays(1));
        }
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The same days a year before: March 2026 against March 2025 (同比). */
    public Period sameLastYear() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(PlatformTime.ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant();
    }

    /**
     * The period a request names: {@code from} and {@code to} (ISO dates, both included), or a
     * {@code period} (day, week, month, quarter, year) and a {@code date} in it.
     *
     * @param violations where each fault is added, naming its field
     * @return the period, or {@code null} after adding a violation
     */
    public static Period parse(String from, String to, String period, String date, List<Violation> violations) {
        boolean range = from != null || to != null;
        boolean named = period != null || date != null;
        if (range && named) {
            violations.add(new Violation("period", "give either from and to, or period and date"));
            return null;
        }
        if (named) {
            Period.Unit unit = Period.Unit.named(period).orElse(null);
            if (unit == null) {
                violations.add(new Violation("period", "must be one of day, week, month, quarter, year"));
            }
            LocalDate day = date(date, "date", violations);
            return unit == null || day == null ? null : Period.of(unit, day);
        }
        if (!range) {
            violations.add(new Violation("from", "give from and to (dates such as 2026-01-01), or period and date"));
            return null;
        }
        LocalDate first = date(from, "from", violations);
        LocalDate last = date(to, "to", violations);
        if (first == null || last == null) {
            return null;
        }
        if (last.isBefore(first)) {
            violations.add(new Violation("to", "must not be before from"));
            return null;
        }
        Period asked = new Period(first, last);
        if (asked.tooLong()) {
            violations.add(new Violation("to", "a period covers at most " + Period.MAX_YEARS + " years"));
            return null;
        }
        return asked;
    }

    private static LocalDate date(String value, String field, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required: a date such as 2026-03-01"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                violations.add(new Violation(field, "must be a date from 2000 to 2100"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date such as 2026-03-01"));
            return null;
        }
    }

}
