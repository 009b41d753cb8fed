package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reception.cases.CaseAction;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.Disposition;
import org.reception.cases.Handling;
import org.reception.cases.IllegalTransition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.Satisfaction;
import org.reception.cases.Violation;

class CaseProcedureTest {

    /** Monday 2026-03-02, 09:30 in Guiyang. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T01:30:00Z");
    private final CaseProcedure procedure = new CaseProcedure(Holidays2026.calendar());

    @Test
    void acceptanceMeetsTheDisposalLimitAndStartsSixtyDaysOfHandling() {
        Petition accepted = step(registered(), new CaseAction.Dispose(Disposition.ACCEPT, "520102-ZRZYJ",
                List.of("520102-NYNCJ"), null), MONDAY);

        assertEquals(PetitionStatus.ACCEPTED, accepted.status());
        assertEquals(List.of("520102-NYNCJ"), accepted.handling().coUnits());
        assertEquals(MONDAY, deadline(accepted, DeadlineKind.DISPOSE).metAt());
        assertEquals(LocalDate.of(2026, 5, 6), deadline(accepted, DeadlineKind.HANDLE).due(),
                "60 days is Friday May 1, inside the Labour Day holiday until May 5");
    }

    @Test
    void aDispositionSaysWhatItNeeds() {
        PetitionRejected noUnit = assertThrows(PetitionRejected.class, () -> step(registered(),
                new CaseAction.Dispose(Disposition.TRANSFER, null, List.of(), null), MONDAY));
        assertEquals(List.of(new Violation("unit", "is required")), noUnit.violations());
        PetitionRejected noReason = assertThrows(PetitionRejected.class, () -> step(registered(),
                new CaseAction.Dispose(Disposition.NOT_ACCEPT, null, List.of(), " "), MONDAY));
        assertEquals(List.of(new Violation("reason", "is required")), noReason.violations());
        assertThrows(PetitionRejected.class, () -> step(registered(),
                new CaseAction.Dispose(Disposition.TRANSFER, "520102-ZJJ", List.of("520102-NYNCJ"), null), MONDAY));
    }

    /** A unit nobody is would leave the case with nobody; a NUL would break every XML answer of the place. */
    @Test
    void aCaseIsGivenOnlyToAKnownUnitOfItsProvince() {
        for (String unknown : List.of("12345", "<script>", "520102-GAJ\u0000", "520102-NOBODY",
                "530102-GAJ", "5201029-GAJ", "520102-GAT", "52-GAJ", "520000-ZJFY", "520102-JJJCW-")) {
            PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> step(registered(),
                    new CaseAction.Dispose(Disposition.TRANSFER, unknown, List.of(), "属地"), MONDAY), unknown);
            assertEquals("unit", rejected.violations().get(0).field(), unknown);
        }
        PetitionRejected co = assertThrows(PetitionRejected.class, () -> step(registered(),
                new CaseAction.Dispose(Disposition.ACCEPT, "520102-ZRZYJ", List.of("520102-NYNCJ", "x"), null), MONDAY));
        assertEquals(List.of("coUnits[1]"), co.violations().stream().map(Violation::field).toList());
        Petition transferred = step(registered(), new CaseAction.Dispose(Disposition.TRANSFER, "520102-ZRZYJ",
                List.of(), "属地"), MONDAY);
        assertThrows(PetitionRejected.class, () -> step(transferred, new CaseAction.Accept("520102-X"), MONDAY));
        PetitionRejected twice = assertThrows(PetitionRejected.class, () -> step(registered(),
                new CaseAction.Dispose(Disposition.ACCEPT, "520102-ZRZYJ", List.of("520102-nyncj", "520102-NYNCJ"),
                        null), MONDAY));
        assertEquals(List.of("coUnits[1]"), twice.violations().stream().map(Violation::field).toList());
        List<String> many = java.util.stream.IntStream.range(0, CaseProcedure.MAX_CO_UNITS + 1)
                .mapToObj(i -> List.of("520102-", "520103-", "520111-", "520112-").get(i % 4)
                        + List.of("NYNCJ", "JYJ", "MZJ").get(i / 4)).toList();
        assertEquals(List.of("coUnits"), assertThrows(PetitionRejected.class, () -> step(registered(),
                new CaseAction.Dispose(Disposition.ACCEPT, "520102-ZRZYJ", many, null), MONDAY))
                .violations().stream().map(Violation::field).toList());
    }

    /** The register's codes are taken as a clerk types them and kept in one form (Units.canonical). */
    @Test
    void aUnitCodeIsKeptInOneForm() {
        Petition transferred = step(registered(), new CaseAction.Dispose(Disposition.ACCEPT, " 520102-zrzyj ",
                List.of("520100-zjfy", "520000-gat"), null), MONDAY);

        assertEquals("520102-ZRZYJ", transferred.handling().unit());
        assertEquals(List.of("5201-ZJFY", "52-GAT"), transferred.handling().coUnits());
    }

    @Test
    void aPetitionRefusedAtRegistrationAsTheSameMatterIsReopenedForDisposal() {
        Petition refused = notAccepted(String.format(SameMatter.OPEN_MATTER, "520102-2026-000001"));

        Petition reopened = step(refused, new CaseAction.NotSameMatter("此次反映的是宅基地纠纷，与征地补偿无关"), MONDAY);

        assertEquals(PetitionStatus.REGISTERED, reopened.status());
        assertEquals(Handling.NONE, reopened.handling());
        assertTrue(deadline(reopened, DeadlineKind.DISPOSE).isPending(), "a fresh disposal period");
        assertEquals(PetitionStatus.TRANSFERRED, step(reopened, new CaseAction.Dispose(Disposition.TRANSFER,
                "520102-ZRZYJ", List.of(), "属地"), MONDAY).status());
        assertThrows(PetitionRejected.class, () -> step(refused, new CaseAction.NotSameMatter(" "), MONDAY));
        assertThrows(IllegalTransition.class, () -> step(notAccepted("不属于信访事项"),
                new CaseAction.NotSameMatter("不是同一事项"), MONDAY), "a disposal's refusal is not reopened this way");
    }

    private Petition notAccepted(String reason) {
        Petition registered = registered();
        return new Petition(registered.id(), registered.registrationNumber(), registered.channel(), registered.type(),
                registered.category(), registered.title(), registered.content(), registered.jurisdiction(),
                registered.receivedAt(), registered.petitioners(), registered.accused(), registered.confidential(),
                List.of("520102-2026-000001"), PetitionStatus.NOT_ACCEPTED, registered.routing(),
                registered.confidentiality(), registered.escalations(), new Handling(Disposition.NOT_ACCEPT, null,
                        List.of(), reason, null, null, null, null, null, null, null),
                List.of(new Deadline(DeadlineKind.DISPOSE, MONDAY, LocalDate.of(2026, 3, 17), MONDAY)), List.of(), 0);
    }

    @Test
    void theReceivingUnitMayObjectWithinFiveWorkingDaysOnly() {
        Petition transferred = step(registered(), new CaseAction.Dispose(Disposition.TRANSFER, "520102-ZRZYJ",
                List.of(), "属地"), MONDAY);
        assertEquals(LocalDate.of(2026, 3, 9), deadline(transferred, DeadlineKind.OBJECT).due());

        Petition back = step(transferred, new CaseAction.Object("不属本单位职责"), MONDAY.plus(Duration.ofDays(7)));
        assertEquals(PetitionStatus.REGISTERED, back.status());
        assertTrue(back.handling().reason().endsWith("re-routing falls to 520102 南明区"), back.handling().reason());

        IllegalTransition late = assertThrows(IllegalTransition.class,
                () -> step(transferred, new CaseAction.Object("不属本单位职责"), MONDAY.plus(Duration.ofDays(8))));
        assertTrue(late.getMessage().contains("2026-03-09"));
    }

    @Test
    void aDisputeBetweenUnitsOfDifferentPlacesGoesToTheirCommonSuperior() {
        assertEquals("520102 南明区", CaseProcedure.commonSuperior("520102", "520102-ZRZYJ"));
        assertEquals("5201 贵阳市", CaseProcedure.commonSuperior("520102", "520103-ZRZYJ"));
        assertEquals("5201 贵阳市", CaseProcedure.commonSuperior("520102", "520100-ZRZYJ"));
        assertEquals("52 贵州省", CaseProcedure.commonSuperior("520102", "520302-ZRZYJ"));
        assertEquals("52 贵州省", CaseProcedure.commonSuperior("520102", "520000-ZRZYT"));
    }

    @Test
    void handlingIsExtendedOnceByAtMostThirtyDays() {
        Petition accepted = accepted();
        assertThrows(PetitionRejected.class, () -> step(accepted, new CaseAction.Extend(31, "复杂"), MONDAY));

        Petition extended = step(accepted, new CaseAction.Extend(30, "需会同调查"), MONDAY);
        assertEquals(LocalDate.of(2026, 6, 5), deadline(extended, DeadlineKind.HANDLE).due());
        assertThrows(IllegalTransition.class, () -> step(extended, new CaseAction.Extend(5, "再延"), MONDAY));
    }

    /** Art. 23: the receiving unit decides within 15 days whether it accepts, and tells the petitioner. */
    @Test
    void aTransferStartsTheReceivingUnitsFifteenDaysToAcceptAndAcceptingMeetsThem() {
        Petition transferred = step(registered(), new CaseAction.Dispose(Disposition.TRANSFER, "520102-ZRZYJ",
                List.of(), "属地"), MONDAY);
        Deadline notice = deadline(transferred, DeadlineKind.ACCEPTANCE_NOTICE);
        assertEquals(LocalDate.of(2026, 3, 17), notice.due());
        assertTrue(notice.isPending());

        Petition accepted = step(transferred, new CaseAction.Accept(null), MONDAY.plus(Duration.ofDays(3)));
        assertEquals(MONDAY.plus(Duration.ofDays(3)), deadline(accepted, DeadlineKind.ACCEPTANCE_NOTICE).metAt());
        Petition objected = step(transferred, new CaseAction.Object("不属本单位职责"), MONDAY.plus(Duration.ofDays(1)));
        assertFalse(deadline(objected, DeadlineKind.ACCEPTANCE_NOTICE).isPending(), "sent back: nothing left to notify");
    }

    /** Art. 35 counts the review window from the day the petitioner received the written opinion. */
    @Test
    void theReviewWindowRunsFromTheDayThePetitionerReceivedTheReply() {
        Petition sent = step(accepted(), new CaseAction.Reply("答复意见", LocalDate.of(2026, 3, 9)), MONDAY);
        Deadline window = deadline(sent, DeadlineKind.REQUEST_REVIEW);
        assertEquals(LocalDate.of(2026, 3, 9), WorkingCalendar.day(window.startedAt()));
        assertTrue(window.due().isAfter(deadline(step(accepted(), new CaseAction.Reply("答复意见"), MONDAY),
                DeadlineKind.REQUEST_REVIEW).due()), "seven days later than if handed over at the reply");

        PetitionRejected before = assertThrows(PetitionRejected.class, () -> step(accepted(),
                new CaseAction.Reply("答复意见", LocalDate.of(2026, 3, 1)), MONDAY));
        assertEquals("deliveredOn", before.violations().get(0).field());
        assertThrows(PetitionRejected.class, () -> step(accepted(),
                new CaseAction.Reply("答复意见", LocalDate.of(2026, 4, 1)), MONDAY), "more than 15 days after");
    }

    @Test
    void reviewIsRequestedWithinThirtyDaysOfTheReplyAndTheReReviewIsFinal() {
        Petition replied = step(accepted(), new CaseAction.Reply("答复意见"), MONDAY);
        assertEquals(LocalDate.of(2026, 4, 1), deadline(replied, DeadlineKind.REQUEST_REVIEW).due());
        assertThrows(IllegalTransition.class, () -> step(replied, new CaseAction.RequestReview("不服"),
                MONDAY.plus(Duration.ofDays(31))));

        Petition reviewed = step(step(replied, new CaseAction.RequestReview("不服"), MONDAY),
                new CaseAction.AnswerReview("维持"), MONDAY);
        Petition reReviewed = step(step(reviewed, new CaseAction.RequestReReview("仍不服"), MONDAY),
                new CaseAction.AnswerReReview("维持"), MONDAY);
        assertEquals(PetitionStatus.RE_REVIEWED, reReviewed.status());

        IllegalTransition third = assertThrows(IllegalTransition.class,
                () -> step(reReviewed, new CaseAction.RequestReview("再次"), MONDAY));
        assertTrue(third.getMessage().contains("Art. 36"));
    }

    @Test
    void aRepliedCaseIsArchivedOnceThePetitionerIsSatisfiedOrThePeriodHasPassed() {
        Petition replied = step(accepted(), new CaseAction.Reply("答复意见"), MONDAY);
        assertThrows(IllegalTransition.class, () -> step(replied, new CaseAction.Archive(), MONDAY));

        Petition satisfied = step(replied, new CaseAction.Evaluate(Satisfaction.SATISFIED), MONDAY);
        assertEquals(PetitionStatus.ARCHIVED, step(satisfied, new CaseAction.Archive(), MONDAY).status());
        assertEquals(PetitionStatus.ARCHIVED,
                step(replied, new CaseAction.Archive(), MONDAY.plus(Duration.ofDays(31))).status());
    }

    @Test
    void aSupervisionOrderIsADeadlineUntilItsOutcomeIsRecorded() {
        Petition supervised = step(accepted(), new CaseAction.Supervise("限期办结", LocalDate.of(2026, 3, 10)), MONDAY);
        assertEquals(LocalDate.of(2026, 3, 10), deadline(supervised, DeadlineKind.SUPERVISION).due());
        assertThrows(PetitionRejected.class, () -> step(accepted(),
                new CaseAction.Supervise("限期办结", LocalDate.of(2026, 3, 1)), MONDAY));

        Petition stored = withSupervisionId(supervised, 7);
        Petition resolved = step(stored, new CaseAction.ResolveSupervision(7, "已办结"), MONDAY);
        assertEquals("已办结", resolved.supervisions().get(0).outcome());
        assertNotNull(deadline(resolved, DeadlineKind.SUPERVISION).metAt());
        assertThrows(IllegalTransition.class, () -> step(resolved, new CaseAction.ResolveSupervision(7, "再次"), MONDAY));
    }

    @Test
    void aStepTheStateDoesNotAllowIsRefused() {
        IllegalTransition refused = assertThrows(IllegalTransition.class,
                () -> step(registered(), new CaseAction.Reply("答复"), MONDAY));
        assertEquals("cannot reply to a petition that is REGISTERED; allowed when [ACCEPTED]", refused.getMessage());
    }

    private Petition step(Petition petition, CaseAction action, Instant now) {
        return procedure.apply(petition, action, "clerk", now).petition();
    }

    private Petition accepted() {
        return step(registered(), new CaseAction.Dispose(Disposition.ACCEPT, "520102-ZRZYJ", List.of(), null), MONDAY);
    }

    private Petition registered() {
        RoutingDecision routing = new RoutingDecision(Disposition.TRANSFER, "520000-ZRZYT", "贵州省自然资源厅", List.of(),
                org.reception.cases.Priority.NORMAL, "主管", MONDAY,
                new RuleProvenance("province-base", "1", "52", List.of("r")));
        return new Petition("id", "520102-2026-000001", Channel.VISIT, PetitionType.APPEAL, Category.LAND_RESOURCES,
                "征地", "补偿", "520102", MONDAY, List.of(new Petitioner("张三", "11010519491231002X", null, null, false)),
                List.of(), false, List.of(), PetitionStatus.REGISTERED, routing,
                org.reception.cases.ConfidentialityDecision.none(MONDAY), List.of(), Handling.NONE,
                List.of(procedure.disposeDeadline(MONDAY)), List.of(), 0);
    }

    private static Deadline deadline(Petition petition, DeadlineKind kind) {
        Deadline found = null;
        for (Deadline deadline : petition.deadlines()) {
            if (deadline.kind() == kind) {
                found = deadline;
            }
        }
        return found;
    }

    /** As the store gives it back: the new order now has its id. */
    private static Petition withSupervisionId(Petition p, long id) {
        var order = p.supervisions().get(0);
        var stored = new org.reception.cases.Supervision(id, order.order(), order.due(), order.orderedBy(),
                order.orderedAt(), null, null);
        return new Petition(p.id(), p.registrationNumber(), p.channel(), p.type(), p.category(), p.title(), p.content(),
                p.jurisdiction(), p.receivedAt(), p.petitioners(), p.accused(), p.confidential(), p.linkedPetitions(),
                p.status(), p.routing(), p.confidentiality(), p.escalations(), p.handling(), p.deadlines(),
                List.of(stored), p.version());
    }
}
