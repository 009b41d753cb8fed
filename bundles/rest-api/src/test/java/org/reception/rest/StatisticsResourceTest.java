package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsRow;

class StatisticsResourceTest {

    private static final Figures TWO = Figures.of(java.util.Map.of(Figures.Count.REGISTERED, 2L, Figures.Count.PEOPLE, 2L,
            Figures.Count.ACCEPTED, 2L, Figures.Count.DISPOSED, 2L, Figures.Count.DISPOSED_ON_TIME, 1L));
    private static final Statistics UNITS = new Statistics("5201", "贵阳市",
            new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
            new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)), Dimension.UNIT, LocalDate.of(2026, 4, 2),
            3, List.of(new StatisticsRow("520102-GAJ", "南明区公安局", TWO, Set.of("registered", "people")),
                    new StatisticsRow("NONE", null, TWO, Set.of())), TWO.plus(TWO), Figures.ZERO,
            new Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)), TWO, List.of());

    @Test
    void theTableHasAHeaderARowPerValueTheTotalAndThePeriodBefore() {
        List<String> lines = List.of(StatisticsResource.csv(UNITS).split("\r\n"));
        assertEquals(6, lines.size());
        assertTrue(lines.get(5).startsWith("LAST_YEAR,2025-03-01/2025-03-31,2,2,"), lines.get(5));
        assertTrue(lines.get(0).startsWith("unit,label,registered,people,groupVisits,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("520102-GAJ,南明区公安局,<3,<3,0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("NONE,,2,2,0,"), lines.get(2));
        assertTrue(lines.get(2).contains(",2,1,0.5,"), "disposed, on time and the rate: " + lines.get(2));
        assertTrue(lines.get(3).startsWith("TOTAL,2026-03-01/2026-03-31,4,4,"), lines.get(3));
        assertTrue(lines.get(4).startsWith("PREVIOUS,2026-02-01/2026-02-28,0,0,"), lines.get(4));
        assertEquals(2 + Figures.NAMES.size(), lines.get(4).split(",", -1).length);
    }

    @Test
    void theFileIsNamedInChineseAsRfc5987SaysWithAnAsciiFallback() {
        assertEquals("attachment; filename=\"statistics_5201_2026-03-01_2026-03-31_unit.csv\"; filename*=UTF-8''"
                + "%E4%BF%A1%E8%AE%BF%E7%BB%9F%E8%AE%A1_%E8%B4%B5%E9%98%B3%E5%B8%82_2026-03-01_2026-03-31_unit.csv",
                StatisticsResource.contentDisposition(UNITS, "csv"));
    }
}
