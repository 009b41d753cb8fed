package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PlatformTime;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.StatisticsStore;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.statistics.EscalationCount;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Figures.Count;
import org.reception.cases.statistics.RollupCheck;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsQuery;

/** Who reads which statistics, over which cases, and which cells are shown as fewer than the minimum. */
class StatisticsDeskTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 2);
    private static final Period Q1 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    /** Two cases of one unit, five of another. */
    private static final Figures TWO = Figures.of(Map.of(Count.REGISTERED, 2L, Count.PEOPLE, 2L, Count.ACCEPTED, 2L,
            Count.DISPOSED, 2L, Count.DISPOSED_ON_TIME, 1L));
    private static final Figures FIVE = Figures.of(Map.of(Count.REGISTERED, 5L, Count.PEOPLE, 9L, Count.ACCEPTED, 5L,
            Count.DISPOSED, 5L, Count.DISPOSED_ON_TIME, 5L, Count.HANDLED, 5L, Count.HANDLED_ON_TIME, 4L,
            Count.REPLIED, 5L, Count.EVALUATED, 4L, Count.SATISFIED, 3L));

    private final AtomicReference<ListScope> asked = new AtomicReference<>();
    private final StatisticsDesk desk = new StatisticsDesk(store(), clock(), config(3), deadlines());

    @Test
    void aUnitsFewCasesAreShownAsFewerThanTheMinimumToThoseWhoDoNotOverseeThePlace() {
        Statistics clerk = desk.statistics(caller("clerk:520102"), query("520102", Dimension.UNIT));
        assertEquals(Set.of("registered", "people", "accepted", "disposed", "disposedOnTime"),
                clerk.rows().get(0).suppressed());
        assertEquals("<3", clerk.rows().get(0).shown(3).get("registered"));
        assertEquals(0, clerk.rows().get(0).figures().registered(), "the exact count does not leave the desk");
        assertEquals(null, clerk.rows().get(0).shown(3).get("disposedOnTimeRate"));
        assertEquals(Set.of(), clerk.rows().get(1).suppressed(), "five is shown");
        assertEquals(7, clerk.total().registered(), "the reader's own total is exact");

        for (String exact : List.of("supervisor:5201", "supervisor:520102", "auditor", "admin")) {
            Statistics overseer = desk.statistics(caller(exact), query("520102", Dimension.UNIT));
            assertEquals(Set.of(), overseer.rows().get(0).suppressed(), exact);
        }
        assertEquals(Set.of("registered", "people", "accepted", "disposed", "disposedOnTime"), desk.statistics(
                caller("supervisor:520103"), query("520102", Dimension.UNIT)).rows().get(0).suppressed(),
                "a supervisor of another county does not oversee Nanming");
        assertEquals(Set.of(), desk.statistics(caller("clerk:520102"), query("520102", Dimension.DIVISION)).rows()
                .get(0).suppressed(), "only units' cells are small enough to point at a person");
    }

    @Test
    void theCasesCountedAreThoseAListShowsTheCallerAndForAuditorsThePlace() {
        desk.statistics(caller("unit:520102-GAJ", "supervisor:5201"), query("5201", Dimension.DIVISION));
        assertEquals(Set.of("5201"), asked.get().jurisdictionPrefixes());
        assertEquals(Set.of("520102-GAJ", "南明区公安局"), asked.get().hiddenTerms(), "never a case kept from the unit");

        desk.statistics(caller("auditor"), query("52", Dimension.DIVISION));
        assertEquals(Set.of("52"), asked.get().jurisdictionPrefixes());
        desk.statistics(caller("admin"), query("520302", Dimension.DIVISION));
        assertEquals(Set.of("520302"), asked.get().jurisdictionPrefixes());
    }

    @Test
    void otherRolesAndUnknownPlacesAreRefused() {
        assertThrows(Forbidden.class, () -> desk.statistics(caller("rules-admin"), query("52", Dimension.TYPE)));
        assertThrows(Forbidden.class, () -> desk.statistics(caller("integration:520102"), query("52", Dimension.TYPE)));
        PetitionRejected unknown = assertThrows(PetitionRejected.class,
                () -> desk.statistics(caller("auditor"), query("9999", Dimension.TYPE)));
        assertEquals(List.of("jurisdiction"), unknown.violations().stream().map(Violation::field).toList());
        PetitionRejected tooLong = assertThrows(PetitionRejected.class, () -> desk.statistics(caller("auditor"),
                new StatisticsQuery("52", new Period(LocalDate.of(2010, 1, 1), TODAY), Dimension.TYPE)));
        assertEquals(List.of("to"), tooLong.violations().stream().map(Violation::field).toList());
    }

    @Test
    void thePreviousPeriodIsCountedToo() {
        Statistics statistics = desk.statistics(caller("auditor"), query("520102", Dimension.UNIT));
        assertEquals(new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)), statistics.previousPeriod());
        assertEquals(7, statistics.previousTotal().registered());
        assertEquals(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)), statistics.lastYearPeriod(),
                "the same quarter a year before");
        assertEquals(7, statistics.lastYearTotal().registered());
        assertEquals("南明区公安局", statistics.rows().get(0).label());
        assertEquals(TODAY, statistics.asOf());
    }

    private static StatisticsQuery query(String jurisdiction, Dimension by) {
        return new StatisticsQuery(jurisdiction, Q1, by);
    }

    private static Caller caller(String... roles) {
        return Caller.of("someone", List.of(roles));
    }

    private StatisticsStore store() {
        return new StatisticsStore() {
            @Override
            public Map<String, Figures> figures(String prefix, Period period, Dimension by, ListScope scope,
                                                LocalDate today, LocalDate dueSoonUntil) {
                asked.set(scope);
                assertEquals(TODAY.plusDays(3), dueSoonUntil, "due soon as the deadline watch says");
                return Map.of("520102-GAJ", TWO, "520102-ZRZYJ", FIVE);
            }

            @Override
            public List<EscalationCount> escalations(String prefix, Period period, ListScope scope) {
                return List.of(new EscalationCount(EscalationTrigger.GROUP_VISIT, EscalationLevel.CITY, 2));
            }

            @Override
            public RollupCheck checkRollup() {
                return new RollupCheck(0, 0, 0, List.of());
            }

            @Override
            public void recountRollup() {
            }
        };
    }

    private static PlatformTime clock() {
        return FixedClock.startOf(TODAY);
    }

    private static DeadlineConfig deadlines() {
        return new DeadlineConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DeadlineConfig.class;
            }

            @Override
            public int scanSeconds() {
                return 60;
            }

            @Override
            public int dueSoonDays() {
                return 3;
            }
        };
    }

    private static StatisticsConfig config(int minimumCell) {
        return new StatisticsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StatisticsConfig.class;
            }

            @Override
            public int minimumCell() {
                return minimumCell;
            }
        };
    }
}
