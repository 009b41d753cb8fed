package org.reception.cases.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;

/** Counts cases for the statistics; implemented by the store over the raw cases. */
public interface StatisticsStore {

    /**
     * The figures of the cases within {@code scope} (as a list of them would show) whose place lies
     * in the jurisdiction and that were received from {@code from} (included) to {@code to} (excluded),
     * by the value of the dimension; a value without cases is absent.
     *
     * @param jurisdictionPrefix a division's prefix ({@code 52}, {@code 5201}, {@code 520102})
     * @param today the day the overdue count is taken on (China Standard Time)
     */
    Map<String, Figures> figures(String jurisdictionPrefix, Instant from, Instant to, Dimension by, ListScope scope,
                                 LocalDate today);
}
