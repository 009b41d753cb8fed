package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reception.cases.AuditVerification;
import org.reception.cases.CaseEvent;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.Disposition;
import org.reception.cases.EscalationDecision;
import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.Handling;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Page;
import org.reception.cases.PersonalDataKeys;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Priority;
import org.reception.cases.RedactedField;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.Supervision;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;
import org.reception.cases.spi.IdempotentRegistration;
import org.reception.cases.statistics.Period;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.MatterHistory;
import org.reception.cases.spi.PetitionRepository;

class JdbcPetitionRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final ListScope WHOLE_PROVINCE = new ListScope(Set.of("52"), Set.of(), Set.of());
    private static final Petitioner ZHANG = new Petitioner("张三", "11010519491231002X", "13800000000", "贵阳市南明区", false);

    @TempDir
    Path folder;

    private DataSource dataSource;
    private JdbcPetitionRepository repository;

    @BeforeEach
    void openDatabase() {
        dataSource = TestDatabase.fresh(folder);
        repository = new JdbcPetitionRepository(dataSource, folder.resolve("reception-pii.keys"));
    }

    @AfterEach
    void stopSealing() {
        repository.deactivate();
    }

    @Test
    void storesAndReadsBackAWholePetition() {
        Petition created = create("520102", "黑臭水体");

        Petition read = repository.findById(created.id()).orElseThrow();

        assertEquals(created, read);
        assertEquals(List.of(ZHANG), read.petitioners());
        assertEquals(List.of("某化工厂"), read.accused());
        assertEquals(List.of("520102-2025-000007"), read.linkedPetitions());
        assertEquals(List.of("route environment", "second rule"), read.routing().provenance().rulesFired());
        assertEquals(List.of("520000-SLT"), read.routing().coUnits());
        assertEquals(Priority.HIGH, read.routing().priority());
        assertTrue(read.confidentiality().identityHidden());
        assertEquals(Set.of(RedactedField.CONTENT), read.confidentiality().redacted());
        assertEquals("province-base", read.confidentiality().provenance().get(0).moduleId());
        assertEquals(List.of("route environment", "second rule"), read.confidentiality().provenance().get(0).rulesFired());
        assertEquals(EscalationTrigger.RISK_WORDS, read.escalations().get(0).trigger());
        assertEquals(2, read.escalations().get(0).reportWithinHours());
        assertEquals(LocalDate.of(2026, 3, 17), read.deadlines().get(0).due());
        assertEquals(0, read.version());
    }

    @Test
    void aKeyRecordedOnceRegistersOnePetitionHoweverOftenAndConcurrentlyItIsSent() throws Exception {
        IdempotentRegistration.Key key = new IdempotentRegistration.Key("k".repeat(64), "r".repeat(64));
        int before = count("SELECT COUNT(*) FROM petition");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<IdempotentRegistration>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> repository.create(draft("520102", "重试"), "CODE-" + Thread.currentThread()
                    .getId(), "county", NOW, key, List.of("520102-2026-000009"))));
        }
        List<IdempotentRegistration> registrations = new ArrayList<>();
        for (Future<IdempotentRegistration> answer : answers) {
            registrations.add(answer.get());
        }
        clients.shutdown();

        assertEquals(before + 1, count("SELECT COUNT(*) FROM petition"));
        assertEquals(1, registrations.stream().filter(IdempotentRegistration::created).count());
        IdempotentRegistration first = registrations.stream().filter(IdempotentRegistration::created).findFirst()
                .orElseThrow();
        for (IdempotentRegistration registration : registrations) {
            assertEquals(first.petition().id(), registration.petition().id());
            assertEquals(first.queryCode(), registration.queryCode());
            assertEquals(List.of("520102-2026-000009"), registration.possibleDuplicates());
        }
        assertEquals("r".repeat(64), repository.registrationByKey(key).orElseThrow().key().requestHash());
        assertEquals(1, repository.forgetIdempotencyKeys(NOW.plusSeconds(1)));
        assertTrue(repository.registrationByKey(key).isEmpty());
    }

    @Test
    void theHistoryOfAMatterCountsItsPetitionsAndNamesTheOpenAndTheFinallyReviewedOnes() {
        Petition open = create("520102", "第一次");
        Petition second = withState(create("520102", "第二次"), PetitionStatus.RE_REVIEWED);
        Handling answered = new Handling(Disposition.ACCEPT, "520000-STHJT", List.of(), "主管", null, "答复", NOW,
                null, "复查意见", "复核意见", null);
        Petition reviewed = repository.update(new Petition(second.id(), second.registrationNumber(), second.channel(),
                second.type(), second.category(), second.title(), second.content(), second.jurisdiction(),
                second.receivedAt(), second.petitioners(), second.accused(), second.confidential(),
                second.linkedPetitions(), second.status(), second.routing(), second.confidentiality(),
                second.escalations(), answered, second.deadlines(), List.of(), second.version()),
                0, "re-review", "clerk", "answered", NOW);
        create("520103", "别处");

        MatterHistory history = repository.matterHistory(List.of(ZHANG.residentId()), "ENVIRONMENT", "520102", LATER);

        assertEquals(List.of(open.registrationNumber(), reviewed.registrationNumber()), history.earlier());
        assertEquals(List.of(open.registrationNumber()), history.open());
        assertEquals(List.of(reviewed.registrationNumber()), history.finallyReviewed());
        assertEquals(new MatterHistory(List.of(), List.of(), List.of()),
                repository.matterHistory(List.of(), "ENVIRONMENT", "520102", LATER));
    }

    @Test
    void aJointPetitionOfTwoAskedPetitionersCountsOnceAndNumbersComeInOrder() {
        Petitioner li = new Petitioner("李四", "520102198001010019", "13900000000", "贵阳市南明区", false);
        Petition later = create("520102", "第一次");
        Petition draft = draft("520102", "联名");
        Petition joint = repository.create(new Petition(null, null, draft.channel(), draft.type(), draft.category(),
                draft.title(), draft.content(), draft.jurisdiction(), draft.receivedAt(), List.of(ZHANG, li),
                draft.accused(), draft.confidential(), draft.linkedPetitions(), draft.status(), draft.routing(),
                draft.confidentiality(), draft.escalations(), draft.handling(), draft.deadlines(), List.of(), 0),
                "CODE-B", "clerk", NOW);

        MatterHistory history = repository.matterHistory(List.of(li.residentId(), ZHANG.residentId()), "ENVIRONMENT",
                "520102", LATER);

        assertEquals(2, history.petitions());
        assertEquals(List.of(later.registrationNumber(), joint.registrationNumber()), history.open());
        assertEquals("520102-2026-000002", joint.registrationNumber());
    }

    @Test
    void registrationNumbersHaveSixDigitsOfCountAtLeast() {
        assertEquals("520102-2026-000042", JdbcPetitionRepository.registrationNumber("520102", 2026, 42));
        assertEquals("520102-2026-1234567", JdbcPetitionRepository.registrationNumber("520102", 2026, 1_234_567));
    }

    @Test
    void identityNumbersPhonesAndAddressesAreSealedAtRestAndStillFoundByNumber() throws Exception {
        Petition created = create("520102", "黑臭水体");

        try (Connection connection = dataSource.getConnection();
             Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT * FROM petitioner")) {
            assertTrue(row.next());
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                String value = String.valueOf(row.getString(column));
                assertFalse(value.contains(ZHANG.residentId()) || value.contains(ZHANG.phone())
                        || value.contains(ZHANG.address()), row.getMetaData().getColumnName(column) + " = " + value);
            }
        }
        assertEquals(List.of(ZHANG), repository.findById(created.id()).orElseThrow().petitioners());
        assertEquals(1, repository.matterHistory(List.of(ZHANG.residentId()), "ENVIRONMENT", "520102", LATER).petitions());
    }

    @Test
    void registrationNumbersCountPerJurisdictionAndYear() {
        assertEquals("520102-2026-000001", create("520102", "a").registrationNumber());
        assertEquals("520102-2026-000002", create("520102", "b").registrationNumber());
        assertEquals("520103-2026-000001", create("520103", "c").registrationNumber());
    }

    @Test
    void anUpdateAtTheReadVersionWinsAndAStaleOneChangesNothing() {
        Petition created = create("520102", "a");
        Petition accepted = withState(created, PetitionStatus.ACCEPTED);

        Petition updated = repository.update(accepted, 0, "dispose", "clerk", "accepted", NOW);

        assertEquals(1, updated.version());
        assertEquals(PetitionStatus.ACCEPTED, updated.status());
        assertEquals("520000-STHJT", updated.handling().unit());
        assertEquals(1, updated.supervisions().size());
        assertThrows(ConcurrentUpdate.class,
                () -> repository.update(withState(created, PetitionStatus.NOT_ACCEPTED), 0, "dispose", "clerk", "x", NOW));
        assertEquals(PetitionStatus.ACCEPTED, repository.findById(created.id()).orElseThrow().status());
        assertEquals(List.of("register", "dispose"),
                repository.audit(created.id()).stream().map(entry -> entry.action()).toList());
    }

    @Test
    void aDeliveryRefusedOftenEnoughIsParkedUntilRetriedAndThenDeliveredOnce() {
        Petition created = create("520102", "a");
        repository.update(withState(created, PetitionStatus.ACCEPTED), 0, "dispose", "clerk", "", NOW,
                List.of(new PetitionRepository.Delivery("520102", "ASSIGN")));
        OutboxMessage message = repository.dueDeliveries(NOW, 10).get(0);

        assertFalse(repository.markRefused(message.id(), "HTTP 422: unknown unit", LATER, 2));
        OutboxMessage once = repository.outbox(true, 10).get(0);
        assertEquals(OutboxMessage.Status.PENDING, once.status());
        assertEquals(LATER, once.nextAttemptAt());
        assertTrue(repository.markRefused(message.id(), "HTTP 422: unknown unit", LATER, 2));

        OutboxMessage parked = repository.outbox(true, 10).get(0);
        assertEquals(OutboxMessage.Status.REFUSED, parked.status());
        assertEquals("HTTP 422: unknown unit", parked.lastError());
        assertEquals(2, parked.attempts());
        assertEquals(null, parked.nextAttemptAt());
        assertEquals(List.of(), repository.dueDeliveries(LATER.plusSeconds(3600), 10), "a refused message waits for an operator");

        assertTrue(repository.retryNow(message.id(), LATER));
        OutboxMessage retried = repository.dueDeliveries(LATER, 10).get(0);
        assertEquals(OutboxMessage.Status.PENDING, retried.status());
        assertFalse(repository.markRefused(message.id(), "still not", LATER, 2), "its refusals were forgotten");
        repository.markDelivered(message.id(), LATER);
        assertEquals(List.of(), repository.outbox(true, 10));
        assertFalse(repository.retryNow(message.id(), LATER), "a delivered message is not sent again");
        assertEquals(OutboxMessage.Status.DELIVERED, repository.outbox(false, 10).get(0).status());
    }

    @Test
    void aCasesTrailKeepsTheOrderOfItsStepsWhetherOrNotTheSealerHasPassed() {
        Petition created = create("520102", "a");
        repository.sealAudit();
        Petition first = repository.update(withState(created, PetitionStatus.ACCEPTED), 0, "accept", "unit", "", NOW);
        repository.recordRead(created.id(), "READ_PERSONAL_DATA", "clerk", "purpose", NOW);
        repository.sealAudit();
        repository.update(withState(first, PetitionStatus.REPLIED), 1, "reply", "unit", "", NOW);

        assertEquals(List.of("register", "accept", "READ_PERSONAL_DATA", "reply"),
                repository.audit(created.id()).stream().map(entry -> entry.action()).toList());
    }

    @Test
    void theAuditChainVerifiesUntilAnEntryIsTamperedWith() throws SQLException {
        Petition created = create("520102", "a");
        repository.update(withState(created, PetitionStatus.ACCEPTED), 0, "dispose", "clerk", "accepted", NOW);
        create("520103", "b");
        assertEquals(new AuditVerification(3, true, -1, null), repository.verifyAudit());

        execute("UPDATE audit_entry SET actor = 'someone else' WHERE seq = 2");

        AuditVerification broken = repository.verifyAudit();
        assertFalse(broken.intact());
        assertEquals(2, broken.firstBroken());
    }

    @Test
    void theReceiptCodeReadsThePublicStatusOfItsOwnPetitionOnly() {
        Petition first = create("520102", "a");
        Petition second = repository.create(draft("520102", "b"), "CODE-B", "clerk", NOW);

        assertEquals(PetitionStatus.REGISTERED,
                repository.publicStatus(first.registrationNumber(), "CODE-A").orElseThrow().status());
        assertTrue(repository.publicStatus(first.registrationNumber(), "WRONG").isEmpty());
        assertTrue(repository.publicStatus(second.registrationNumber(), "CODE-A").isEmpty());
    }

    @Test
    void findsOpenMattersOfTheSamePetitionerRegisteredBefore() {
        Petition open = create("520102", "a");

        assertEquals(List.of(open.registrationNumber()),
                repository.matterHistory(List.of(ZHANG.residentId()), "ENVIRONMENT", "520102", LATER).open());
        assertEquals(0, repository.matterHistory(List.of(ZHANG.residentId()), "ENVIRONMENT", "520102", NOW).petitions(),
                "not registered before its own registration");
        assertEquals(0, repository.matterHistory(List.of(ZHANG.residentId()), "HEALTH", "520102", LATER).petitions());
        assertEquals(0, repository.matterHistory(List.of("110105194912310029"), "ENVIRONMENT", "520102", LATER)
                .petitions());
    }

    @Test
    void raisesEachDeadlineEventOnce() {
        create("520102", "a");

        assertEquals(0, repository.raiseDeadlineEvents(TODAY, TODAY.plusDays(3), NOW));
        assertEquals(1, repository.raiseDeadlineEvents(TODAY.plusDays(13), TODAY.plusDays(16), NOW));
        assertEquals(0, repository.raiseDeadlineEvents(TODAY.plusDays(14), TODAY.plusDays(17), NOW));
        assertEquals(1, repository.raiseDeadlineEvents(TODAY.plusDays(16), TODAY.plusDays(19), NOW));

        List<CaseEvent> events = repository.events(0, 10);
        assertEquals(List.of(CaseEvent.Kind.DUE_SOON, CaseEvent.Kind.OVERDUE), events.stream().map(CaseEvent::kind).toList());
        assertEquals(DeadlineKind.DISPOSE, events.get(1).deadline());
    }

    /** A petitioner who lets the review window pass makes the office late in nothing (Art. 35). */
    @Test
    void thePetitionersUnusedReviewWindowMakesNothingOverdue() {
        Petition created = create("520102", "已答复");
        Petition replied = withState(created, PetitionStatus.REPLIED);
        List<Deadline> window = List.of(new Deadline(DeadlineKind.DISPOSE, NOW, LocalDate.of(2026, 3, 17), NOW),
                new Deadline(DeadlineKind.REQUEST_REVIEW, NOW, LocalDate.of(2026, 4, 1), null));
        repository.update(new Petition(replied.id(), replied.registrationNumber(), replied.channel(), replied.type(),
                replied.category(), replied.title(), replied.content(), replied.jurisdiction(), replied.receivedAt(),
                replied.petitioners(), replied.accused(), replied.confidential(), replied.linkedPetitions(),
                replied.status(), replied.routing(), replied.confidentiality(), replied.escalations(), replied.handling(),
                window, List.of(), replied.version()), 0, "reply", "unit", "", NOW);

        assertEquals(0, repository.raiseDeadlineEvents(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4), NOW));
        assertEquals(0, list(new PetitionQuery("520102", null, null, true, null, null, null, null, null, null, 0, 20))
                .total(), "not listed as overdue");
    }

    /** Pages by cursor are the pages by offset, ties of receipt time included (all are received at NOW). */
    @Test
    void pagingAfterTheLastCaseOfAPageGivesThePagesAnOffsetGives() {
        for (int i = 0; i < 7; i++) {
            create(i % 2 == 0 ? "520102" : "520103", "第" + i + "件");
        }
        create("520302", "别处的");
        List<String> byOffset = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            list(new PetitionQuery("5201", null, null, false, null, null, null, null, null, null, page, 3)).items()
                    .forEach(item -> byOffset.add(item.id()));
        }
        List<String> byCursor = new java.util.ArrayList<>();
        PetitionQuery.After after = null;
        for (int page = 0; page < 3; page++) {
            Page<PetitionSummary> found = list(new PetitionQuery("5201", null, null, false, null, null, null, null,
                    null, null, null, page, 3, after));
            assertEquals(7, found.total(), "the count is of the whole list");
            found.items().forEach(item -> byCursor.add(item.id()));
            PetitionSummary last = found.items().get(found.items().size() - 1);
            after = new PetitionQuery.After(last.receivedAt(), last.id());
        }
        assertEquals(7, byOffset.size());
        assertEquals(byOffset, byCursor);
    }

    @Test
    void listsFilterByJurisdictionStatusDueDateAndSubject() {
        create("520102", "河道黑臭 100%");
        create("520103", "噪声扰民");
        create("520302", "河道采砂");

        assertEquals(2, list(new PetitionQuery("5201", null, null, false, null, null, null, null, null, null, 0, 20)).total());
        assertEquals(2, list(new PetitionQuery(null, null, null, false, null, null, null, null, null, "河道", 0, 20)).total());
        assertEquals(1, list(new PetitionQuery(null, null, null, false, null, null, null, null, null, "100%", 0, 20)).total());
        assertEquals(3, list(new PetitionQuery("52", Set.of(PetitionStatus.REGISTERED), null, false, 15,
                PetitionType.APPEAL, Channel.ONLINE, null, null, null, 0, 20)).total());
        assertEquals(0, list(new PetitionQuery(null, null, null, true, null, null, null, null, null, null, 0, 20)).total());
        Page<PetitionSummary> page = list(new PetitionQuery(null, null, null, false, null, null, null, null, null, null, 1, 2));
        assertEquals(3, page.total());
        assertEquals(1, page.items().size());
    }

    @Test
    void theSchedulesReportOfAPeriodIsKeptOnceWhateverThePlatformsThatWriteIt() throws Exception {
        Period march = Period.of(Period.Unit.MONTH, TODAY);
        StoredReport report = new StoredReport(0, ReportKind.MONTHLY, "5201", "贵阳市2026年3月信访形势分析报告", march,
                NOW, "schedule", 3);
        JdbcPetitionRepository other = new JdbcPetitionRepository(dataSource, folder.resolve("reception-pii.keys"));
        try {
            // Two platforms on one database check the schedule at once and both write the month's report.
            ExecutorService platforms = Executors.newFixedThreadPool(2);
            List<Future<Optional<StoredReport>>> writes = new ArrayList<>();
            for (JdbcPetitionRepository platform : List.of(repository, other)) {
                writes.add(platforms.submit(() -> platform.saveScheduled(report, new byte[] {1, 2, 3})));
            }
            List<StoredReport> kept = new ArrayList<>();
            for (Future<Optional<StoredReport>> write : writes) {
                write.get().ifPresent(kept::add);
            }
            platforms.shutdown();
            assertEquals(1, kept.size(), "one of the two is kept: " + kept);
            assertEquals(List.of(kept.get(0)), repository.reports("52", 10));

            assertEquals(Optional.empty(), other.saveScheduled(report, new byte[] {4}), "nor later");
            StoredReport april = other.saveScheduled(new StoredReport(0, ReportKind.MONTHLY, "5201", "四月", Period.of(
                    Period.Unit.MONTH, TODAY.plusMonths(1)), NOW, "schedule", 1), new byte[] {5}).orElseThrow();
            StoredReport quarter = other.saveScheduled(new StoredReport(0, ReportKind.QUARTERLY, "5201", "一季度",
                    Period.of(Period.Unit.QUARTER, TODAY), NOW, "schedule", 1), new byte[] {6}).orElseThrow();
            // Asked for by a reader, the same month's report is written again, as a newer version.
            StoredReport asked = repository.save(new StoredReport(0, ReportKind.MONTHLY, "5201", report.title(), march,
                    LATER, "leader", 1), new byte[] {7});
            assertEquals(asked, repository.latest(ReportKind.MONTHLY, "5201", march.from()).orElseThrow());
            assertEquals(Set.of(kept.get(0), april, quarter, asked), Set.copyOf(repository.reports("52", 10)));
        } finally {
            other.deactivate();
        }
    }

    @Test
    void migratingAnUpToDateSchemaChangesNothing() throws SQLException {
        Petition created = create("520102", "a");
        String applied = "SELECT COUNT(*) FROM schema_history WHERE \"success\" = TRUE AND \"version\" IS NOT NULL";
        int before = count(applied);

        JdbcPetitionRepository again = new JdbcPetitionRepository(dataSource, folder.resolve("reception-pii.keys"));
        try {
            assertEquals(created, again.findById(created.id()).orElseThrow());
            assertTrue(before >= 3, "every migration applied once");
            assertEquals(before, count(applied), "nothing applied again");
        } finally {
            again.deactivate();
        }
    }

    @Test
    void listsAndTheirCountsKeepToTheCallersPlacesAndUnitsAndLeaveOutCasesHiddenFromThem() {
        Petition nanming = create("520102", "南明的");
        create("520103", "云岩的");
        repository.update(withState(nanming, PetitionStatus.ACCEPTED), nanming.version(), "ACCEPT", "clerk", "", NOW);
        PetitionQuery all = new PetitionQuery(null, null, null, false, null, null, null, null, null, null, 0, 20);

        Page<PetitionSummary> county = repository.list(all, new ListScope(Set.of("520102"), Set.of(), Set.of()), TODAY);
        assertEquals(List.of("南明的"), county.items().stream().map(PetitionSummary::title).toList());
        assertEquals(1, county.total());

        ListScope unit = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-STHJT", Set.of("520000-STHJT"))),
                Set.of());
        assertEquals(1, repository.list(all, unit, TODAY).total(), "the case handled by the unit");
        ListScope coUnit = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-SLT", Set.of("520000-SLT"))),
                Set.of());
        assertEquals(1, repository.list(all, coUnit, TODAY).total(), "and by its co-unit");
        ListScope longerCode = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-SL", Set.of("520000-SL"))),
                Set.of());
        assertEquals(0, repository.list(all, longerCode, TODAY).total(), "a code is matched whole");
        // Co-units changed by a step: the one taken off no longer finds the case, the one added does.
        Petition moved = repository.findById(nanming.id()).orElseThrow();
        Handling was = moved.handling();
        Handling coUnitsChanged = new Handling(was.disposition(), was.unit(), List.of("520000-JYT"), was.reason(),
                was.extensionReason(), was.reply(), was.repliedAt(), was.satisfaction(), was.reviewAnswer(),
                was.reReviewAnswer(), was.archivedAt(), was.reviewedBy(), was.reReviewedBy(), was.redirectedTo());
        moved = repository.update(new Petition(moved.id(), moved.registrationNumber(), moved.channel(), moved.type(),
                moved.category(), moved.title(), moved.content(), moved.jurisdiction(), moved.receivedAt(),
                moved.petitioners(), moved.accused(), moved.confidential(), moved.linkedPetitions(), moved.status(),
                moved.routing(), moved.confidentiality(), moved.escalations(), coUnitsChanged, moved.deadlines(),
                moved.supervisions(), moved.version()), moved.version(), "ASSIGN", "clerk", "", NOW);
        assertEquals(List.of("520000-JYT"), moved.handling().coUnits());
        ListScope added = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-JYT", Set.of("520000-JYT"))),
                Set.of());
        // Lists test each row's joined co-units, statistics find a unit's cases by the co-units' table: both agree.
        assertEquals(0, repository.list(all, coUnit, TODAY).total(), "the co-unit taken off");
        assertEquals(0, registered(coUnit), "the co-unit taken off counts it no more");
        assertEquals(1, repository.list(all, added, TODAY).total(), "the co-unit added");
        assertEquals(1, registered(added), "the co-unit added counts it");
        repository.update(withState(moved, PetitionStatus.ACCEPTED), moved.version(), "ACCEPT", "clerk", "", NOW);
        assertEquals(1, repository.list(all, coUnit, TODAY).total(), "and back again");
        assertEquals(1, registered(coUnit), "and counts it again");
        assertEquals(0, registered(added));
        assertEquals(1, registered(unit), "the lead unit counts its case once");

        Petition circled = repository.create(withReaders(draft("520102", "圈定阅知"), Set.of("贵州省生态环境厅")), "CODE-B",
                "clerk", NOW);
        repository.update(withState(circled, PetitionStatus.ACCEPTED), 0, "ACCEPT", "clerk", "", NOW);
        assertEquals(1, repository.list(all, unit, TODAY).total(), "the circle leaves out a unit it does not name");
        ListScope named = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-STHJT",
                Set.of("520000-STHJT", "贵州省生态环境厅"))), Set.of());
        assertEquals(2, repository.list(all, named, TODAY).total(), "and lets in one it names, by code or name");
        ListScope accusedUnit = new ListScope(Set.of("52"), Set.of(), Set.of("化工厂"));
        assertEquals(0, repository.list(all, accusedUnit, TODAY).total(),
                "every case is hidden from 某化工厂: none listed or counted");
        ListScope wildcard = new ListScope(Set.of("52"), Set.of(), Set.of("%"));
        assertEquals(3, repository.list(all, wildcard, TODAY).total(), "a term is matched literally, not as a pattern");
    }

    /** The cases of 2026 the scope's statistics count (for units: from the cases, found by lead unit and co-units). */
    private long registered(ListScope scope) {
        return repository.figures("52", new org.reception.cases.statistics.Period(LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31)), org.reception.cases.statistics.Dimension.STATUS, scope, TODAY, TODAY)
                .values().stream().mapToLong(org.reception.cases.statistics.Figures::registered).sum();
    }

    private static String currentKey(Path keyFile) throws Exception {
        return Files.readAllLines(keyFile).stream().filter(line -> line.startsWith("current = "))
                .map(line -> line.substring("current = ".length()).strip()).findFirst().orElseThrow();
    }

    /** A lost or foreign key file stops the store; it is never replaced by fresh keys over sealed data. */
    @Test
    void theStoreDoesNotStartWithoutTheKeysOfWhatItHolds() throws Exception {
        Petition sealed = create("520102", "封存");
        Path keyFile = folder.resolve("reception-pii.keys");
        Path backup = folder.resolve("backup.keys");
        Files.move(keyFile, backup);

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new JdbcPetitionRepository(dataSource, keyFile));
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());
        assertFalse(Files.exists(keyFile), "no new key written over sealed data");
        assertEquals(missing.getMessage(), KeyGuard.problem(dataSource, keyFile).orElseThrow());

        Path foreign = folder.resolve("other").resolve("reception-pii.keys");
        PersonalData.keys(foreign);
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> new JdbcPetitionRepository(dataSource, foreign));
        assertTrue(other.getMessage().contains("does not hold"), other.getMessage());

        Files.move(backup, keyFile);
        assertEquals(java.util.Optional.empty(), KeyGuard.problem(dataSource, keyFile));
        JdbcPetitionRepository restored = new JdbcPetitionRepository(dataSource, keyFile);
        try {
            assertEquals(ZHANG, restored.findById(sealed.id()).orElseThrow().petitioners().get(0));
        } finally {
            restored.deactivate();
        }
    }

    @Test
    void rotatingTheKeySealsEveryStoredValueAgainAndKeepsEverythingReadable() throws Exception {
        Petition first = create("520102", "旋转之前");
        Path keyFile = folder.resolve("reception-pii.keys");
        String k1 = currentKey(keyFile);

        PersonalDataKeys.Rotation rotation = repository.rotate();

        String k2 = rotation.newKey();
        assertTrue(k2.matches("k[0-9a-f]{16}") && !k2.equals(k1), k2 + " after " + k1);
        assertEquals(1, rotation.resealed(), "the one petitioner row sealed under the first key");
        assertEquals(List.of(k1), rotation.retired());
        String keys = Files.readString(keyFile);
        assertTrue(keys.contains("current = " + k2) && keys.contains(k1 + " = ") && keys.contains(k2 + " = "), keys);
        try (Connection connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery(
                     "SELECT resident_id_sealed, phone_sealed FROM petitioner")) {
            while (rows.next()) {
                assertTrue(rows.getString(1).startsWith(k2 + ":") && rows.getString(2).startsWith(k2 + ":"));
            }
        }
        assertEquals(ZHANG, repository.findById(first.id()).orElseThrow().petitioners().get(0));
        assertEquals(1, repository.rotate().resealed(), "a second rotation seals the row again, under a third key");
        JdbcPetitionRepository restarted = new JdbcPetitionRepository(dataSource, keyFile);
        try {
            assertEquals(ZHANG, restarted.findById(first.id()).orElseThrow().petitioners().get(0));
            assertEquals(1, restarted.matterHistory(List.of(ZHANG.residentId()), "ENVIRONMENT", "520102",
                    NOW.plusSeconds(1)).petitions(), "the identity number index survives rotation");
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void registrationsAndReadsGoOnWhileTheKeyRotatesAndNothingIsLeftUnderTheOldKey() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        ids.add(create("520102", "旋转之前").id());
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = clients.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    ids.add(create("520102", "旋转期间 " + i).id());
                }
            });
            Future<?> reader = clients.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    String id = ids.get(i % ids.size());
                    assertEquals(ZHANG, repository.findById(id).orElseThrow().petitioners().get(0));
                }
            });
            repository.rotate();
            writer.get();
            reader.get();
        } finally {
            clients.shutdownNow();
        }
        PersonalDataKeys.Rotation third = repository.rotate();
        assertEquals(ids.size(), third.resealed(), "a second rotation seals every row again, under a third key");
        try (Connection connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery("SELECT resident_id_sealed FROM petitioner")) {
            while (rows.next()) {
                assertTrue(rows.getString(1).startsWith(third.newKey() + ":"), rows.getString(1));
            }
        }
    }

    @Test
    void unknownIdIsNotFoundAndTheStoreReportsHealthy() {
        assertTrue(repository.findById("no-such-id").isEmpty());
        assertTrue(repository.check().up());
    }

    private Page<PetitionSummary> list(PetitionQuery query) {
        return repository.list(query, WHOLE_PROVINCE, TODAY);
    }

    private Petition create(String jurisdiction, String title) {
        return createIn(repository, jurisdiction, title);
    }

    /** A petition of 张三 registered in {@code repository}: for the store's other tests. */
    static Petition createIn(JdbcPetitionRepository repository, String jurisdiction, String title) {
        return repository.create(draft(jurisdiction, title), "CODE-A", "clerk", NOW);
    }

    private static Petition draft(String jurisdiction, String title) {
        RuleProvenance provenance = new RuleProvenance("province-base", "0.1.0", "52",
                List.of("route environment", "second rule"));
        RoutingDecision routing = new RoutingDecision(Disposition.TRANSFER, "520000-STHJT", "贵州省生态环境厅",
                List.of("520000-SLT"), Priority.HIGH, "环境污染", NOW, provenance);
        ConfidentialityDecision confidentiality = new ConfidentialityDecision(true, Set.of("某化工厂"),
                Set.of(RedactedField.CONTENT), Set.of(), List.of("第三十条"), NOW, List.of(provenance));
        EscalationDecision escalation = new EscalationDecision(EscalationLevel.PROVINCE, Priority.URGENT, 2,
                EscalationTrigger.RISK_WORDS, "风险", NOW, provenance);
        return new Petition(null, null, Channel.ONLINE, PetitionType.APPEAL, Category.ENVIRONMENT, title,
                "小区旁的河道长期发黑发臭。", jurisdiction, NOW, List.of(ZHANG), List.of("某化工厂"), true,
                List.of("520102-2025-000007"), PetitionStatus.REGISTERED, routing,
                confidentiality, List.of(escalation), Handling.NONE,
                List.of(new Deadline(DeadlineKind.DISPOSE, NOW, LocalDate.of(2026, 3, 17), null)), List.of(), 0);
    }

    private static Petition withReaders(Petition petition, Set<String> readers) {
        ConfidentialityDecision rules = petition.confidentiality();
        return new Petition(petition.id(), petition.registrationNumber(), petition.channel(), petition.type(),
                petition.category(), petition.title(), petition.content(), petition.jurisdiction(), petition.receivedAt(),
                petition.petitioners(), petition.accused(), petition.confidential(), petition.linkedPetitions(),
                petition.status(), petition.routing(), new ConfidentialityDecision(rules.identityHidden(),
                        rules.hiddenFrom(), rules.redacted(), readers, rules.reasons(), rules.decidedAt(),
                        rules.provenance()), petition.escalations(), petition.handling(), petition.deadlines(),
                petition.supervisions(), petition.version());
    }

    private static Petition withState(Petition petition, PetitionStatus status) {
        Handling handling = new Handling(Disposition.ACCEPT, "520000-STHJT", List.of("520000-SLT"), "主管", null, null,
                null, null, null, null, null);
        List<Deadline> deadlines = List.of(new Deadline(DeadlineKind.DISPOSE, NOW, LocalDate.of(2026, 3, 17), NOW),
                new Deadline(DeadlineKind.HANDLE, NOW, LocalDate.of(2026, 5, 6), null));
        return new Petition(petition.id(), petition.registrationNumber(), petition.channel(), petition.type(),
                petition.category(), petition.title(), petition.content(), petition.jurisdiction(), petition.receivedAt(),
                petition.petitioners(), petition.accused(), petition.confidential(), petition.linkedPetitions(), status,
                petition.routing(), petition.confidentiality(), petition.escalations(), handling, deadlines,
                List.of(new Supervision(0, "尽快办理", LocalDate.of(2026, 3, 20), "supervisor", NOW, null, null)),
                petition.version());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
