package org.reception.cases.statistics;

import java.util.List;

/**
 * The statistics' rollup checked against a count of the raw cases.
 *
 * @param cases the cases counted anew
 * @param pending changes not yet counted into the rollup when it was checked (the check counts them first)
 * @param cells the rollup's cells compared
 * @param differences the cells where the rollup and the cases differ, at most 20: none when it is exact
 */
public record RollupCheck(long cases, long pending, long cells, List<String> differences) {

    public RollupCheck {
        differences = List.copyOf(differences);
    }

    public boolean exact() {
        return pending == 0 && differences.isEmpty();
    }
}
