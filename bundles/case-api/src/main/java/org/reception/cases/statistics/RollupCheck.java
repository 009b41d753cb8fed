package org.reception.cases.statistics;

import java.util.List;

/**
 * The statistics' rollup checked against a count of the raw cases.
 *
 * @param cases the cases counted anew
 * @param pending changes not yet counted into the rollup when the check began (it counted them first)
 * @param cells the rollup's cells compared
 * @param differences the cells where the rollup and the cases differ, at most 20: none when it is exact
 */
public record RollupCheck(long cases, long pending, long cells, List<String> differences) {

    public RollupCheck {
        differences = List.copyOf(differences);
    }

    /** Whether the rollup, its pending changes counted, equals the cases. */
    public boolean exact() {
        return differences.isEmpty();
    }
}
