package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.EscalationCount;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.HotTopics;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsRow;
import org.reception.cases.statistics.Topic;
import org.reception.cases.statistics.TopicSample;

class StatisticsResourceTest {

    private static final Figures TWO = Figures.of(java.util.Map.of(Figures.Count.REGISTERED, 2L, Figures.Count.PEOPLE, 2L,
            Figures.Count.ACCEPTED, 2L, Figures.Count.DISPOSED, 2L, Figures.Count.DISPOSED_ON_TIME, 1L));
    private static final Statistics UNITS = new Statistics("5201", "贵阳市",
            new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
            new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)), Dimension.UNIT, LocalDate.of(2026, 4, 2),
            3, List.of(new StatisticsRow("520102-GAJ", "南明区公安局", TWO, Set.of("registered", "people")),
                    new StatisticsRow("NONE", null, TWO, Set.of())), TWO.plus(TWO), Figures.ZERO,
            new Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)), TWO,
            List.of(new EscalationCount(EscalationTrigger.OVERDUE, EscalationLevel.CITY, 4)));

    @Test
    void theTableHasAHeaderARowPerValueTheTotalAndThePeriodBefore() {
        List<String> lines = List.of(Tables.csv(new Tables.Table("信访统计", StatisticsResource.table(UNITS))).split("\r\n"));
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
        Tables.FileName name = StatisticsResource.fileName(UNITS, StatisticsResource.StatisticsTable.FIGURES);
        assertEquals("attachment; filename=\"statistics_5201_2026-03-01_2026-03-31_unit.csv\"; filename*=UTF-8''"
                + "%E4%BF%A1%E8%AE%BF%E7%BB%9F%E8%AE%A1_%E8%B4%B5%E9%98%B3%E5%B8%82_2026-03-01_2026-03-31_unit.csv",
                Tables.contentDisposition(name.ascii() + ".csv", name.written() + ".csv"));
    }

    @Test
    void theEscalationsAreATableOfTheirOwnNamedSo() {
        assertEquals("trigger,level,count\r\nOVERDUE,CITY,4\r\n",
                Tables.csv(new Tables.Table("升级", StatisticsResource.escalationTable(UNITS))));
        assertEquals("信访统计_贵阳市_2026-03-01_2026-03-31_escalations",
                StatisticsResource.fileName(UNITS, StatisticsResource.StatisticsTable.ESCALATIONS).written());
    }

    @Test
    void theTopicsAreOneTableOfBothListsWithAColumnPerPlace() {
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        HotTopics topics = new HotTopics("5201", march, march.previous(), 40,
                List.of(new Topic("欠薪", 12, 4, 2.0, Map.of("520102", 9L, "520111", 3L),
                        List.of(new TopicSample("520102-2026-000001", "520102", "讨要欠薪")))),
                List.of(new Topic("噪音", 5, 0, null, Map.of("520111", 5L), List.of())));
        List<String> lines = List.of(Tables.csv(new Tables.Table("热点问题", StatisticsResource.topicTable(topics)))
                .split("\r\n"));
        assertEquals(List.of("list,rank,term,count,previousCount,growth,南明区(520102),花溪区(520111),samples",
                "frequent,1,欠薪,12,4,2.0,9,3,520102-2026-000001", "rising,1,噪音,5,0,,0,5,"), lines);
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsMadeText() {
        assertEquals("'=1+1,\"a,b\",-3\r\n", Tables.csv(new Tables.Table("x", List.of(List.of("=1+1", "a,b", -3)))));
    }
}
