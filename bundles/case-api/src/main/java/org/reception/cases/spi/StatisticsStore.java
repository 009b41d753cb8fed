package org.reception.cases.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.EscalationCount;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.RollupCheck;

/**
 * Counts cases for the statistics. The raw cases are the one source of truth; a store may keep
 * their counts ready (a rollup) as long as every answer equals a count of the cases themselves.
 */
public interface StatisticsStore {

    /**
     * The figures of the cases within {@code scope} (as a list of them would show) whose place lies
     * in the jurisdiction and that were received in the period, by the value of the dimension; a
     * value without cases is absent.
     *
     * @param jurisdictionPrefix a division's prefix ({@code 52}, {@code 5201}, {@code 520102})
     * @param today the day the overdue count is taken on (China Standard Time)
     * @param dueSoonUntil the last day a pending time limit counts as due soon
     */
    Map<String, Figures> figures(String jurisdictionPrefix, Period period, Dimension by, ListScope scope,
                                 LocalDate today, LocalDate dueSoonUntil);

    /**
     * The escalations raised in the period on the cases within {@code scope} whose place lies in the
     * jurisdiction, by trigger and level; counted from the escalations themselves.
     */
    List<EscalationCount> escalations(String jurisdictionPrefix, Period period, ListScope scope);

    /** The rollup against a count of every case anew: slow, for operators and tests. */
    RollupCheck checkRollup();

    /** Counts every case anew into the rollup; answers come from the cases themselves until it is done. */
    void recountRollup();
}
