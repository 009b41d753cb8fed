package org.reception.cases.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The statistics one caller may read: of the cases of the jurisdiction it may read, received in the
 * period, as they stand {@code asOf} today.
 *
 * @param jurisdiction the division code asked for (2, 4 or 6 digits)
 * @param name the division's name
 * @param minimumCell the smallest count shown exactly in a breakdown by unit to a reader who does
 *                    not oversee the whole jurisdiction
 * @param total the figures of every row together (never suppressed: it is the caller's own total)
 * @param previousTotal the figures of the period before, for comparison (环比)
 * @param lastYearTotal the figures of the same period a year before (同比)
 * @param escalations the escalations the rules raised in the period on the jurisdiction's cases the
 *                    caller may read, by trigger and level
 */
public record Statistics(String jurisdiction, String name, Period period, Period previousPeriod, Dimension by,
                         LocalDate asOf, int minimumCell, List<StatisticsRow> rows, Figures total,
                         Figures previousTotal, Period lastYearPeriod, Figures lastYearTotal,
                         List<EscalationCount> escalations) {

    public Statistics {
        rows = List.copyOf(rows);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }
}
