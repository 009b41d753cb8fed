package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.Disposition;
import org.reception.cases.Handling;
import org.reception.cases.Petition;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Priority;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.Satisfaction;
import org.reception.cases.spi.ListScope;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Figures.Count;
import org.reception.cases.statistics.RollupCheck;
import org.reception.cases.statistics.Period;

/** The statistics' SQL over a real database, and the definitions each case is counted by. */
class PetitionCountsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 10);
    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    private static final ListScope PROVINCE = new ListScope(Set.of("52"), Set.of(), Set.of());
    private static final LocalDate DUE_SOON_UNTIL = TODAY.plusDays(3);
    private static final RuleProvenance RULES = new RuleProvenance("province-base", "0.1.0", "52", List.of("r"));

    @TempDir
    Path folder;

    private JdbcPetitionRepository repository;
    private DataSource dataSource;

    @BeforeEach
    void openDatabase() {
        dataSource = TestDatabase.fresh(folder);
        repository = new JdbcPetitionRepository(dataSource, folder.resolve("reception-pii.keys"));
    }

    @AfterEach
    void stop() {
        repository.deactivate();
    }

    @Test
    void countsEachCaseOfThePeriodByItsDefinitions() {
        // A group visit of 6, accepted on time, handled late (after its extension), replied, satisfied.
        Instant first = Instant.parse("2026-03-02T01:00:00Z");
        Petition visit = repository.create(petition("520102", Channel.VISIT, PetitionType.APPEAL, 6, first, PetitionStatus.REPLIED,
                handling(Disposition.ACCEPT, "520102-GAJ", true, Satisfaction.BASICALLY_SATISFIED), List.of(
                        new Deadline(DeadlineKind.DISPOSE, first, LocalDate.of(2026, 3, 17), first.plusSeconds(3600)),
                        // Met on its last day at 23:30 China Standard Time (15:30 UTC): on time.
                        new Deadline(DeadlineKind.HANDLE, first, LocalDate.of(2026, 3, 20),
                                Instant.parse("2026-03-20T15:30:00Z"))), null), "C1", "t", first);
        // The reply and the evaluation are steps after the registration: stored as a step stores them.
        repository.update(new Petition(visit.id(), visit.registrationNumber(), visit.channel(), visit.type(),
                visit.category(), visit.title(), visit.content(), visit.jurisdiction(), visit.receivedAt(),
                visit.petitioners(), visit.accused(), visit.confidential(), visit.linkedPetitions(), visit.status(),
                visit.routing(), visit.confidentiality(), visit.escalations(),
                handling(Disposition.ACCEPT, "520102-GAJ", true, Satisfaction.BASICALLY_SATISFIED), visit.deadlines(),
                visit.supervisions(), visit.version()), visit.version(), "EVALUATE", "t", "evaluated", first);
        // Transferred late, its acceptance notice overdue today; an accusation hidden from Nanming's police.
        Instant second = Instant.parse("2026-03-31T15:59:59Z");
        repository.create(petition("520103", Channel.LETTER, PetitionType.ACCUSATION, 1, second,
                PetitionStatus.TRANSFERRED, handling(Disposition.TRANSFER, "520103-JJJCW", false, null), List.of(
                        new Deadline(DeadlineKind.DISPOSE, second, LocalDate.of(2026, 4, 1),
                                Instant.parse("2026-04-01T16:00:00Z")),
                        new Deadline(DeadlineKind.ACCEPTANCE_NOTICE, second, LocalDate.of(2026, 4, 8), null)),
                Set.of("南明区公安局")), "C2", "t", second);
        // A case of April 1st in China (March 31st 16:00 UTC): not in March.
        Instant april = Instant.parse("2026-03-31T16:00:00Z");
        repository.create(petition("520102", Channel.ONLINE, PetitionType.APPEAL, 2, april, PetitionStatus.REGISTERED,
                Handling.NONE, List.of(new Deadline(DeadlineKind.DISPOSE, april, LocalDate.of(2026, 4, 16), null)),
                null), "C3", "t", april);

        Map<String, Figures> byCounty = repository.figures("52", MARCH, Dimension.DIVISION, PROVINCE, TODAY, DUE_SOON_UNTIL);
        assertEquals(Set.of("5201"), byCounty.keySet(), "a province's rows are its cities");
        Figures march = byCounty.get("5201");
        assertEquals(Figures.of(Map.ofEntries(Map.entry(Count.REGISTERED, 2L), Map.entry(Count.PEOPLE, 7L),
                Map.entry(Count.GROUP_VISITS, 1L), Map.entry(Count.GROUP_VISIT_PEOPLE, 6L), Map.entry(Count.ACCUSATIONS, 1L),
                Map.entry(Count.CONFIDENTIAL, 1L), Map.entry(Count.ACCEPTED, 1L), Map.entry(Count.TRANSFERRED, 1L),
                Map.entry(Count.DISPOSED, 2L), Map.entry(Count.DISPOSED_ON_TIME, 1L), Map.entry(Count.HANDLED, 1L),
                Map.entry(Count.HANDLED_ON_TIME, 1L), Map.entry(Count.OVERDUE, 1L), Map.entry(Count.REPLIED, 1L),
                Map.entry(Count.EVALUATED, 1L), Map.entry(Count.SATISFIED, 1L))), march);
        assertEquals(0.5, march.disposedOnTimeRate());
        assertEquals(1.0, march.satisfactionRate());

        Map<String, Figures> counties = repository.figures("5201", MARCH, Dimension.DIVISION, PROVINCE, TODAY, DUE_SOON_UNTIL);
        assertEquals(Set.of("520102", "520103"), counties.keySet());
        assertEquals(Set.of("520102-GAJ", "520103-JJJCW"), repository.figures("5201", MARCH, Dimension.UNIT, PROVINCE, TODAY, DUE_SOON_UNTIL).keySet());
        assertEquals(1, repository.figures("520102", MARCH, Dimension.TYPE, PROVINCE, TODAY, DUE_SOON_UNTIL)
                .get("APPEAL").registered());

        // Nanming's police, also reading Yunyan's place, never counts the accusation kept from it.
        ListScope police = new ListScope(Set.of("520103"), Set.of(new ListScope.Unit("520102-GAJ",
                Set.of("520102-GAJ", "南明区公安局"))), Set.of("520102-GAJ", "南明区公安局"));
        Map<String, Figures> seen = repository.figures("5201", MARCH, Dimension.DIVISION, police, TODAY, DUE_SOON_UNTIL);
        assertEquals(Set.of("520102"), seen.keySet());
        assertEquals(1, seen.get("520102").registered());
        // The same for the words of the hot topics: never the accusation's.
        assertEquals(2, repository.texts("5201", MARCH.start(), MARCH.end(), PROVINCE, 10).size());
        assertEquals(List.of("520102"), repository.texts("5201", MARCH.start(), MARCH.end(), police, 10).stream()
                .map(text -> text.jurisdiction()).toList());
        assertEquals("内容", repository.texts("5201", MARCH.start(), MARCH.end(), police, 10).get(0).content());

        // The province's reader is served by the rollup, the police by the cases: the rollup equals them.
        RollupCheck check = repository.checkRollup();
        assertTrue(check.exact(), check.toString());
        assertEquals(3, check.cases());
        for (Dimension by : Dimension.values()) {
            for (String prefix : List.of("52", "5201", "520102")) {
                assertEquals(recount(prefix, by), repository.figures(prefix, MARCH, by, PROVINCE, TODAY, DUE_SOON_UNTIL),
                        prefix + " by " + by);
            }
        }
    }

    @Test
    void theRollupFollowsEveryStepAndMayBeCountedAnew() {
        Instant received = Instant.parse("2026-03-10T02:00:00Z");
        Petition one = repository.create(petition("520102", Channel.LETTER, PetitionType.APPEAL, 1, received,
                PetitionStatus.REGISTERED, Handling.NONE, List.of(new Deadline(DeadlineKind.DISPOSE, received,
                        LocalDate.of(2026, 4, 12), null)), null), "C1", "t", received);
        assertEquals(1, repository.figures("52", MARCH, Dimension.STATUS, PROVINCE, TODAY, DUE_SOON_UNTIL)
                .get("REGISTERED").get(Count.DUE_SOON), "due on the 12th, two days after today");
        Petition disposed = accept(one, LocalDate.of(2026, 4, 12));
        Map<String, Figures> byStatus = repository.figures("52", MARCH, Dimension.STATUS, PROVINCE, TODAY, DUE_SOON_UNTIL);
        assertEquals(Set.of("ACCEPTED"), byStatus.keySet(), "the case left its old row: nothing counted twice");
        assertEquals(1, byStatus.get("ACCEPTED").get(Count.DISPOSED_ON_TIME));
        assertEquals(recount("52", Dimension.UNIT),
                repository.figures("52", MARCH, Dimension.UNIT, PROVINCE, TODAY, DUE_SOON_UNTIL));

        repository.recountRollup();
        assertEquals(byStatus, repository.figures("52", MARCH, Dimension.STATUS, PROVINCE, TODAY, DUE_SOON_UNTIL),
                "counted anew, the same");
        assertTrue(repository.checkRollup().exact());
        assertEquals(disposed.id(), one.id());
    }

    @Test
    void batchesOfEverySizeCountEachCaseOnce() {
        // More cases than two batches, then a step on every third: the job counts them in batches of
        // whatever size waits, and names a batch's cases in lists padded to a few sizes.
        List<Petition> registered = new ArrayList<>();
        Instant first = Instant.parse("2026-03-02T01:00:00Z");
        for (int i = 0; i < StatisticsRollup.BATCH * 2 + 45; i++) {
            Instant received = first.plusSeconds(3600L * i);
            registered.add(repository.create(petition(i % 2 == 0 ? "520102" : "520103", Channel.LETTER,
                    PetitionType.APPEAL, 1 + i % 3, received, PetitionStatus.REGISTERED, Handling.NONE,
                    List.of(new Deadline(DeadlineKind.DISPOSE, received, LocalDate.of(2026, 3, 20), null)), null),
                    "C" + i, "t", received));
        }
        for (int i = 0; i < registered.size(); i += 3) {
            accept(registered.get(i), LocalDate.of(2026, 3, 20));
        }

        RollupCheck check = repository.checkRollup();
        assertTrue(check.exact(), check.toString());
        assertEquals(registered.size(), check.cases());
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(0, StatisticsRollup.newestNote(connection), "every note counted and forgotten");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (Dimension by : Dimension.values()) {
            assertEquals(recount("5201", by), repository.figures("5201", MARCH, by, PROVINCE, TODAY, DUE_SOON_UNTIL),
                    "by " + by);
        }
        assertEquals((registered.size() + 2) / 3,
                repository.figures("52", MARCH, Dimension.STATUS, PROVINCE, TODAY, DUE_SOON_UNTIL)
                        .get("ACCEPTED").registered());
    }

    /** The case accepted by Nanming's police a minute after it was received, its first limit met. */
    private Petition accept(Petition one, LocalDate due) {
        Instant received = one.receivedAt();
        return repository.update(new Petition(one.id(), one.registrationNumber(), one.channel(), one.type(),
                one.category(), one.title(), one.content(), one.jurisdiction(), received, one.petitioners(),
                one.accused(), one.confidential(), one.linkedPetitions(), PetitionStatus.ACCEPTED, one.routing(),
                one.confidentiality(), one.escalations(), handling(Disposition.ACCEPT, "520102-GAJ", false, null),
                List.of(new Deadline(DeadlineKind.DISPOSE, received, due, received.plusSeconds(60))),
                one.supervisions(), one.version()), one.version(), "DISPOSE", "t", "accepted", received);
    }

    private Map<String, Figures> recount(String prefix, Dimension by) {
        try (Connection connection = dataSource.getConnection()) {
            return PetitionCounts.figures(connection, prefix, MARCH.start(), MARCH.end(), by, PROVINCE, TODAY,
                    DUE_SOON_UNTIL);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCaseAddsToTheRowOfItsValue() {
        Map<Dimension, String> values = new java.util.EnumMap<>(Dimension.class);
        values.put(Dimension.DIVISION, "520102");
        values.put(Dimension.UNIT, "NONE");
        PetitionCounts.Case one = new PetitionCounts.Case("1", "520102", LocalDate.of(2026, 3, 9), values,
                LocalDate.of(2026, 4, 9), Figures.of(Map.of(Count.REGISTERED, 1L, Count.PEOPLE, 5L)));
        List<PetitionCounts.Case> cases = new ArrayList<>(List.of(one, one));
        Map<String, Figures> rows = PetitionCounts.tally(cases, "5201", Dimension.UNIT, TODAY, DUE_SOON_UNTIL);
        assertEquals(Set.of("NONE"), rows.keySet());
        Figures none = rows.get("NONE");
        assertEquals(2, none.registered());
        assertEquals(10, none.people());
        assertEquals(2, none.overdue());
        assertEquals("520102", PetitionCounts.key("520102", "520102", Dimension.DIVISION));
        assertEquals("5201", PetitionCounts.key("520102", "52", Dimension.DIVISION));
    }

    private static Handling handling(Disposition disposition, String unit, boolean replied, Satisfaction satisfaction) {
        return new Handling(disposition, unit, List.of(), "主管", null, replied ? "已办结" : null,
                replied ? Instant.parse("2026-03-20T15:30:00Z") : null, satisfaction, null, null, null);
    }

    private static Petition petition(String place, Channel channel, PetitionType type, int people, Instant received,
                                     PetitionStatus status, Handling handling, List<Deadline> deadlines,
                                     Set<String> hiddenFrom) {
        List<Petitioner> petitioners = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            petitioners.add(new Petitioner("张" + i, "11010519491231002X", "13800000000", "贵阳市", i == 0));
        }
        RoutingDecision routing = new RoutingDecision(Disposition.TRANSFER, place + "-GAJ", "公安局", List.of(),
                Priority.NORMAL, "主管", received, RULES);
        ConfidentialityDecision confidentiality = hiddenFrom == null ? ConfidentialityDecision.none(received)
                : new ConfidentialityDecision(true, hiddenFrom, Set.of(), Set.of(), List.of("第三十条"), received,
                        List.of(RULES));
        return new Petition(null, null, channel, type, Category.HEALTH, "标题", "内容", place, received, petitioners,
                type == PetitionType.ACCUSATION ? List.of("南明区公安局") : List.of(), false, List.of(), status, routing,
                confidentiality, List.of(), handling, deadlines, List.of(), 0);
    }
}
