package org.reception.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PlatformTime;
import org.reception.cases.access.Caller;
import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;
import org.reception.cases.spi.ReportStore;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Figures.Count;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.RollupCheck;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsQuery;
import org.reception.cases.statistics.StatisticsRow;

/** Who writes and reads a report, what it is gathered from, and when the schedule writes one. */
class ReportDeskTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 2);
    private final List<Caller> askedAs = new ArrayList<>();
    private final Memory store = new Memory();
    private final ReportDesk desk = new ReportDesk(statistics(), store, clock(), schedule());

    @AfterEach
    void stop() {
        desk.deactivate();
    }

    @Test
    void aSupervisorOfThePlaceAsksForTheMonthAndEveryFigureIsCountedAsAnAuditorCountsThem() {
        StoredReport report = desk.generate(Caller.of("s", List.of("supervisor:5201")), ReportKind.MONTHLY, "520100",
                LocalDate.of(2026, 3, 15));
        assertEquals("贵阳市信访形势分析报告（2026年3月）", report.title());
        assertEquals(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), report.period());
        assertEquals("5201", report.jurisdiction());
        assertEquals("s", report.generatedBy());
        // Four breakdowns and twelve months of trend, all as the schedule's auditor.
        assertEquals(16, askedAs.size());
        assertTrue(askedAs.stream().allMatch(caller -> caller.equals(ReportDesk.SCHEDULE)));
        ReportDocument document = desk.document(Caller.of("a", List.of("auditor")), report.id()).orElseThrow();
        assertEquals("%PDF", new String(document.pdf(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(report.bytes(), document.pdf().length);
    }

    @Test
    void onlyThoseWhoReadEveryFigureOfThePlaceAndFromWhomNoCaseIsKeptReadIt() {
        StoredReport report = desk.generate(Caller.of("admin", List.of("admin")), ReportKind.QUARTERLY, "5201",
                LocalDate.of(2026, 2, 1));
        for (Caller refused : List.of(Caller.of("clerk", List.of("clerk:5201")),
                Caller.of("county", List.of("supervisor:520102")), Caller.of("zunyi", List.of("supervisor:5203")),
                Caller.of("chief", List.of("supervisor:5201", "unit:520102-GAJ")),
                Caller.of("rules", List.of("rules-admin")))) {
            assertTrue(desk.document(refused, report.id()).isEmpty(), refused.name());
            assertTrue(desk.list(refused, "52", 10).isEmpty(), refused.name());
            assertThrows(Forbidden.class, () -> desk.generate(refused, ReportKind.MONTHLY, "5201", TODAY), refused.name());
        }
        assertEquals(List.of(report), desk.list(Caller.of("p", List.of("supervisor:52")), "52", 10));
    }

    @Test
    void aPeriodNotBegunOrAnUnknownPlaceIsRefusedNamingTheField() {
        Caller auditor = Caller.of("a", List.of("auditor"));
        PetitionRejected future = assertThrows(PetitionRejected.class,
                () -> desk.generate(auditor, ReportKind.MONTHLY, "52", LocalDate.of(2026, 5, 1)));
        assertEquals("date", future.violations().get(0).field());
        PetitionRejected place = assertThrows(PetitionRejected.class,
                () -> desk.generate(auditor, ReportKind.ANNUAL, "9999", TODAY));
        assertEquals("jurisdiction", place.violations().get(0).field());
        assertTrue(store.kept.isEmpty(), "nothing written");
    }

    @Test
    void theScheduleWritesThePeriodThatEndedDaysBefore() {
        assertEquals(Period.of(Period.Unit.MONTH, LocalDate.of(2026, 3, 1)), ReportDesk.due(ReportKind.MONTHLY, TODAY, 1));
        assertEquals(Period.of(Period.Unit.MONTH, LocalDate.of(2026, 2, 1)),
                ReportDesk.due(ReportKind.MONTHLY, LocalDate.of(2026, 4, 1), 1), "a day after the month, not on it");
        assertEquals(Period.of(Period.Unit.QUARTER, LocalDate.of(2026, 1, 1)), ReportDesk.due(ReportKind.QUARTERLY, TODAY, 1));
        assertEquals(Period.of(Period.Unit.YEAR, LocalDate.of(2025, 1, 1)), ReportDesk.due(ReportKind.ANNUAL, TODAY, 1));
    }

    private PetitionStatistics statistics() {
        return new PetitionStatistics() {
            @Override
            public Statistics statistics(Caller caller, StatisticsQuery query) {
                askedAs.add(caller);
                Figures figures = Figures.of(Map.of(Count.REGISTERED, 5L, Count.PEOPLE, 7L, Count.DISPOSED, 4L,
                        Count.DISPOSED_ON_TIME, 3L));
                Period period = query.period();
                return new Statistics(query.jurisdiction(), "贵阳市", period, period.previous(), query.by(), TODAY, 3,
                        List.of(new StatisticsRow("520102", "南明区", figures, java.util.Set.of())), figures, figures,
                        period.sameLastYear(), Figures.ZERO, List.of());
            }

            @Override
            public RollupCheck checkRollup(Caller caller) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void recountRollup(Caller caller) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static PlatformTime clock() {
        return new PlatformTime() {
            @Override
            public Instant now() {
                return TODAY.atTime(9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
            }

            @Override
            public LocalDate today() {
                return TODAY;
            }
        };
    }

    private static ReportSchedule schedule() {
        return new ReportSchedule() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReportSchedule.class;
            }

            @Override
            public String[] jurisdictions() {
                return new String[] {"52"};
            }

            @Override
            public boolean monthly() {
                return true;
            }

            @Override
            public boolean quarterly() {
                return true;
            }

            @Override
            public boolean annual() {
                return true;
            }

            @Override
            public int daysAfter() {
                return 1;
            }

            @Override
            public int checkSeconds() {
                return 3600;
            }
        };
    }

    /** The store's reports, in memory. */
    private static final class Memory implements ReportStore {
        final List<ReportDocument> kept = new ArrayList<>();

        @Override
        public StoredReport save(StoredReport report, byte[] pdf) {
            StoredReport saved = new StoredReport(kept.size() + 1, report.kind(), report.jurisdiction(), report.title(),
                    report.period(), report.generatedAt(), report.generatedBy(), pdf.length);
            kept.add(new ReportDocument(saved, pdf));
            return saved;
        }

        @Override
        public Optional<StoredReport> saveScheduled(StoredReport report, byte[] pdf) {
            return latest(report.kind(), report.jurisdiction(), report.period().from()).isPresent() ? Optional.empty()
                    : Optional.of(save(report, pdf));
        }

        @Override
        public List<StoredReport> reports(String jurisdictionPrefix, int limit) {
            return kept.stream().map(ReportDocument::report).filter(r -> r.jurisdiction().startsWith(jurisdictionPrefix))
                    .limit(limit).toList();
        }

        @Override
        public Optional<StoredReport> latest(ReportKind kind, String jurisdiction, LocalDate periodFrom) {
            return kept.stream().map(ReportDocument::report).filter(r -> r.kind() == kind
                    && r.jurisdiction().equals(jurisdiction) && r.period().from().equals(periodFrom)).findFirst();
        }

        @Override
        public Optional<ReportDocument> document(long id) {
            return kept.stream().filter(d -> d.report().id() == id).findFirst();
        }
    }
}
