package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.CaseAction;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Disposition;
import org.reception.cases.Forbidden;
import org.reception.cases.Handling;
import org.reception.cases.Petition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.PlatformTime;
import org.reception.cases.Priority;
import org.reception.cases.Problem;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.UnknownPetition;
import org.reception.cases.VersionCondition;
import org.reception.cases.access.Caller;
import org.reception.cases.spi.PetitionRepository;
import org.reception.cases.spi.RuleEngine;

/**
 * The order in which the desk refuses a step: first whether the caller may see the case and take
 * the step at all, then the version it was taken on (RFC 9110: 428 without one, 412 when stale), so
 * that neither answer tells a caller anything of a case it may not touch; and a refused step writes
 * nothing (the store below answers reads only: a write would fail the test).
 */
class PetitionDeskTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Caller LAND_BUREAU = Caller.of("land", List.of("unit:520102-ZRZYJ"));
    private static final Caller POLICE = Caller.of("police", List.of("unit:520102-GAJ"));

    private final PetitionDesk desk = new PetitionDesk(readOnlyStore(transferredTo("520102-ZRZYJ")),
            fake(RuleEngine.class), clock(), Holidays2026.calendar(), province("52"));

    @Test
    void aStepWithoutAVersionIsRefusedOnlyOnceTheCallerMayTakeIt() {
        PetitionRejected absent = assertThrows(PetitionRejected.class,
                () -> desk.act(LAND_BUREAU, "id", VersionCondition.ABSENT, new CaseAction.Accept(null)));
        assertEquals(Problem.PRECONDITION_REQUIRED, absent.problem());
        assertEquals("If-Match", absent.violations().get(0).field());

        assertThrows(UnknownPetition.class,
                () -> desk.act(POLICE, "id", VersionCondition.ABSENT, new CaseAction.Accept(null)),
                "a unit the case was not sent to learns nothing of it, not even that a version is wanted");
        assertThrows(Forbidden.class, () -> desk.act(LAND_BUREAU, "id", VersionCondition.ABSENT,
                new CaseAction.Accept("520102-GAJ")), "passing the case on is refused for what it is");
    }

    @Test
    void aStaleOrWeakOnlyConditionIsAConflictAndChangesNothing() {
        assertThrows(ConcurrentUpdate.class,
                () -> desk.act(LAND_BUREAU, "id", VersionCondition.of(0), new CaseAction.Accept(null)));
        assertThrows(ConcurrentUpdate.class, () -> desk.act(LAND_BUREAU, "id", VersionCondition.oneOf(Set.of()),
                new CaseAction.Accept(null)), "weak tags only: nothing matches strongly");
        assertThrows(ConcurrentUpdate.class, () -> desk.act(LAND_BUREAU, "id", VersionCondition.oneOf(Set.of(0, 2)),
                new CaseAction.Accept(null)));
    }

    @Test
    void theStepsOfferedAreThoseTheStatusAllowsAndTheCallersRolesTake() {
        assertEquals(List.of("accept", "object"), desk.steps(LAND_BUREAU, "id"),
                "the unit the case was sent to accepts or objects; supervision is not its to order");
        assertEquals(List.of("supervise"), desk.steps(Caller.of("city", List.of("supervisor:5201")), "id"));
        assertEquals(List.of(), desk.steps(Caller.of("clerk", List.of("clerk:520102")), "id"),
                "a transferred case waits for its unit");
        assertThrows(UnknownPetition.class, () -> desk.steps(POLICE, "id"), "a unit it was not sent to sees nothing");
        assertThrows(UnknownPetition.class, () -> desk.steps(LAND_BUREAU, "other"));
    }

    private static Petition transferredTo(String unit) {
        RoutingDecision routing = new RoutingDecision(Disposition.TRANSFER, unit, "unit", List.of(), Priority.NORMAL,
                "主管", NOW, new RuleProvenance("province-base", "1", "52", List.of("r")));
        Handling handling = new Handling(Disposition.TRANSFER, unit, List.of(), null, null, null, null, null, null,
                null, null);
        Petitioner zhang = new Petitioner("张三", "11010519491231002X", "13800001234", "贵阳市南明区", false);
        return new Petition("id", "520102-2026-000001", Channel.VISIT, PetitionType.APPEAL, Category.LAND_RESOURCES,
                "征地", "补偿", "520102", NOW, List.of(zhang), List.of(), false, List.of(), PetitionStatus.TRANSFERRED,
                routing, ConfidentialityDecision.none(NOW), List.of(), handling, List.of(), List.of(), 1);
    }

    /** A store holding one case, that fails the test on anything but reading it. */
    private static PetitionRepository readOnlyStore(Petition petition) {
        return (PetitionRepository) Proxy.newProxyInstance(PetitionDeskTest.class.getClassLoader(),
                new Class<?>[] {PetitionRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findById")) {
                        return petition.id().equals(args[0]) ? Optional.of(petition) : Optional.empty();
                    }
                    throw new AssertionError("the desk was not to call " + method.getName() + " for a refused step");
                });
    }

    private static <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(PetitionDeskTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new AssertionError("not expected: " + method.getName());
                }));
    }

    private static PlatformTime clock() {
        return FixedClock.at(NOW);
    }

    private static PlatformConfig province(String code) {
        return (PlatformConfig) Proxy.newProxyInstance(PetitionDeskTest.class.getClassLoader(),
                new Class<?>[] {PlatformConfig.class}, (proxy, method, args) -> code);
    }
}
