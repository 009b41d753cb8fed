package org.reception.cases.statistics;

import org.reception.cases.access.Caller;

/**
 * The statistics of the letters-and-visits work, counted from the cases themselves. A caller counts
 * exactly the cases it may read (its places, its unit's cases), never one kept from its units.
 */
public interface PetitionStatistics {

    /**
     * @throws org.reception.cases.PetitionRejected naming the field, for an unknown division or a period over 10 years
     * @throws org.reception.cases.Forbidden for a role that reads no statistics
     * @throws org.reception.cases.ServiceUnavailable if the store is not ready
     */
    Statistics statistics(Caller caller, StatisticsQuery query);

    /**
     * Checks the rollup the figures are read from against a count of every case anew: slow (it
     * reads every case), for operators and tests.
     *
     * @throws org.reception.cases.Forbidden unless the caller is an administrator
     */
    RollupCheck checkRollup(Caller caller);

    /**
     * Counts every case anew into the rollup, in the background; until it is done, the figures are
     * counted from the cases themselves (slower, as exact).
     *
     * @throws org.reception.cases.Forbidden unless the caller is an administrator
     */
    void recountRollup(Caller caller);
}
