package org.reception.cases.statistics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One row of a breakdown.
 *
 * @param key the value of the dimension: a division code, an enum name, a unit code, or {@code NONE}
 * @param label its name for people (the division's or the unit's name, the category's Chinese name), if known
 * @param suppressed the counts of the row below the minimum cell size, which the caller may not read
 *                   exactly (they are 0 in {@code figures}, and rates over them are left out)
 */
public record StatisticsRow(String key, String label, Figures figures, Set<String> suppressed) {

    public StatisticsRow {
        suppressed = Set.copyOf(suppressed);
    }

    /**
     * The row's figures as its reader may read them, by name in the order of {@link Figures#NAMES}: a
     * suppressed count is {@code "<n"}, a rate of or over a suppressed count is {@code null}, as is a
     * rate over nothing.
     */
    public Map<String, Object> shown(int minimumCell) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Map.Entry<String, Number> figure : figures.byName().entrySet()) {
            String name = figure.getKey();
            if (suppressed.contains(name)) {
                shown.put(name, "<" + minimumCell);
            } else if (Figures.RATES.containsKey(name) && (suppressed.contains(Figures.RATES.get(name))
                    || suppressed.contains(Figures.NUMERATORS.get(name)))) {
                shown.put(name, null);
            } else {
                shown.put(name, figure.getValue());
            }
        }
        return shown;
    }
}
