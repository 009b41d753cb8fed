package org.reception.cases.reports;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.reception.cases.statistics.Period;

/** A report's period: a calendar month (月报), quarter (季报) or year (年报). */
public enum ReportKind {
    MONTHLY("月报", Period.Unit.MONTH),
    QUARTERLY("季报", Period.Unit.QUARTER),
    ANNUAL("年报", Period.Unit.YEAR);

    private final String label;
    private final Period.Unit unit;

    ReportKind(String label, Period.Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    /** The month, quarter or year of this kind that holds {@code date}. */
    public Period period(LocalDate date) {
        return Period.of(unit, date);
    }

    /** The kind of a whole calendar month, quarter or year; empty for any other period. */
    public static Optional<ReportKind> of(Period period) {
        return Arrays.stream(values()).filter(kind -> kind.period(period.from()).equals(period)).findFirst();
    }

    /** The kind a request names: {@code month}, {@code quarter} or {@code year} (or the constant's name). */
    public static Optional<ReportKind> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String asked = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.name().equals(asked) || kind.unit.name().equals(asked))
                .findFirst();
    }
}
