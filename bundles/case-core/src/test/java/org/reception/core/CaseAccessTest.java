package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.AuditEntry;
import org.reception.cases.CaseAction;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Disposition;
import org.reception.cases.Forbidden;
import org.reception.cases.Handling;
import org.reception.cases.Petition;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Priority;
import org.reception.cases.RedactedField;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.access.Caller;
import org.reception.cases.spi.ListScope;

class CaseAccessTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Petitioner ZHANG = new Petitioner("张三", "11010519491231002X", "13800001234", "贵阳市南明区", false);

    private static final Caller NANMING_CLERK = Caller.of("clerk", List.of("clerk:520102"));
    private static final Caller YUNYAN_CLERK = Caller.of("other-clerk", List.of("clerk:520103"));
    private static final Caller GUIYANG_SUPERVISOR = Caller.of("supervisor", List.of("supervisor:5201"));
    private static final Caller POLICE = Caller.of("police", List.of("unit:520102-GAJ"));
    private static final Caller LAND_BUREAU = Caller.of("land", List.of("unit:520102-ZRZYJ"));
    private static final Caller RULES = Caller.of("rules", List.of("rules-admin", "admin", "viewer"));

    @Test
    void placesAndUnitsReachOnlyTheirOwnCases() {
        Petition handledByLand = disposedTo("520102-ZRZYJ", ConfidentialityDecision.none(NOW));
        assertTrue(CaseAccess.visible(NANMING_CLERK, handledByLand));
        assertTrue(CaseAccess.visible(GUIYANG_SUPERVISOR, handledByLand));
        assertTrue(CaseAccess.visible(LAND_BUREAU, handledByLand));
        assertFalse(CaseAccess.visible(YUNYAN_CLERK, handledByLand), "another county's clerk");
        assertFalse(CaseAccess.visible(POLICE, handledByLand), "a unit it was not disposed to");
        assertFalse(CaseAccess.visible(RULES, handledByLand), "rule administrators see no case content");
        assertFalse(CaseAccess.visible(Caller.ANONYMOUS, handledByLand));
    }

    @Test
    void aCaseHiddenFromAUnitByNameIsInvisibleToItWhateverElseItMayDo() {
        Petition accusation = disposedTo("520102-JJJCW", hiddenFrom("南明区公安局城南派出所"));
        Caller policeAndSupervisor = Caller.of("chief", List.of("unit:520102-GAJ", "supervisor:52"));
        assertFalse(CaseAccess.visible(policeAndSupervisor, accusation), "its name occurs among the hidden parties");
        assertTrue(CaseAccess.visible(GUIYANG_SUPERVISOR, accusation));
        assertEquals(Set.of("520102-GAJ", "南明区公安局"), CaseAccess.listScope(policeAndSupervisor).hiddenTerms());
    }

    @Test
    void anAccusationIsKeptFromTheAccusedAndHidesTheAccuserEvenWhenNoRuleSaidSo() {
        Petition accusation = accusation(List.of("南明区公安局"), ConfidentialityDecision.none(NOW));
        Caller policeAndSupervisor = Caller.of("chief", List.of("unit:520102-GAJ", "supervisor:52"));

        assertTrue(CaseAccess.hiddenFromUnit(accusation, "520102-GAJ"), "it can be given to the accused by nobody");
        assertFalse(CaseAccess.visible(POLICE, accusation), "even disposed to it, the accused unit does not read it");
        assertFalse(CaseAccess.visible(policeAndSupervisor, accusation), "whatever else its member may do");
        assertFalse(CaseAccess.mayAudit(Caller.of("audit", List.of("auditor", "unit:520102-GAJ")), accusation));
        assertFalse(CaseAccess.hiddenFromUnit(accusation, "520102-JJJCW"));
        Petition seenByTheCenter = CaseAccess.view(NANMING_CLERK, accusation, false);
        assertEquals("***", seenByTheCenter.petitioners().get(0).name(), "the accuser's identity is hidden");
        assertTrue(CaseAccess.decisions(NANMING_CLERK, accusation).orElseThrow().confidentiality().hiddenFrom()
                .contains("南明区公安局"), "the center is told whom it is kept from");
    }

    @Test
    void rulesAddToTheFloorOfAnAccusationAndNeverTakeFromIt() {
        ConfidentialityDecision rulesHideFromAnother = hiddenFrom("南明区自然资源局");
        Petition accusation = accusation(List.of("南明区公安局"), rulesHideFromAnother);
        assertTrue(CaseAccess.hiddenFromUnit(accusation, "520102-GAJ"), "the floor");
        assertTrue(CaseAccess.hiddenFromUnit(accusation, "520102-ZRZYJ"), "and the rules");

        Petition appeal = disposedTo("520102-GAJ", ConfidentialityDecision.none(NOW));
        assertTrue(CaseAccess.visible(POLICE, appeal), "an appeal has no floor: the unit it was sent reads it");
    }

    @Test
    void aClerkReadsTheProcedureOfAnAccusationButNotWhoReadTheAccusersData() {
        Petition appeal = disposedTo("520102-JJJCW", ConfidentialityDecision.none(NOW));
        Petition accusation = new Petition(appeal.id(), appeal.registrationNumber(), appeal.channel(),
                PetitionType.ACCUSATION, appeal.category(), appeal.title(), appeal.content(), appeal.jurisdiction(),
                appeal.receivedAt(), appeal.petitioners(), List.of("南明区公安局"), appeal.confidential(),
                appeal.linkedPetitions(), appeal.status(), appeal.routing(), appeal.confidentiality(),
                appeal.escalations(), appeal.handling(), appeal.deadlines(), appeal.supervisions(), appeal.version());
        List<AuditEntry> entries = List.of(new AuditEntry(1, "id", "dispose", "clerk", NOW, "TRANSFER", null, null),
                new AuditEntry(2, "id", CaseAccess.READ_PERSONAL_DATA, "investigator", NOW,
                        "fields [NAME]; purpose: 核实举报人身份", null, null));
        assertEquals(List.of("dispose"), CaseAccess.auditView(NANMING_CLERK, accusation, entries).stream()
                .map(AuditEntry::action).toList());
        assertEquals(2, CaseAccess.auditView(Caller.of("city", List.of("supervisor:5201")), accusation, entries).size());
        assertEquals(2, CaseAccess.auditView(NANMING_CLERK, appeal, entries).size(), "of an appeal, the clerk reads all");
    }

    @Test
    void noOtherRoleOpensACaseHiddenFromTheCallersUnitNotEvenTheAuditLog() {
        Petition accusation = disposedTo("520102-JJJCW", hiddenFrom("南明区公安局"));
        Caller auditorInThePolice = Caller.of("audit", List.of("auditor", "unit:520102-GAJ"));
        assertFalse(CaseAccess.mayAudit(auditorInThePolice, accusation));
        assertTrue(CaseAccess.mayAudit(Caller.of("audit", List.of("auditor")), accusation));
        assertTrue(CaseAccess.mayAudit(NANMING_CLERK, accusation), "the reception center of the place reads its timeline");
        assertFalse(CaseAccess.mayAudit(Caller.of("yunyan", List.of("clerk:520103")), accusation),
                "another place's center does not");
    }

    @Test
    void aUnitWhoseNameIsUnknownIsKeptFromEveryCaseHiddenFromAnybody() {
        Petition accusation = disposedTo("520102-JJJCW", hiddenFrom("某某街道办事处"));
        assertTrue(CaseAccess.hiddenFromUnit(accusation, "520102-JDB"), "no name to tell it apart: fail closed");
        assertFalse(CaseAccess.hiddenFromUnit(accusation, "520102-GAJ"), "a known unit not named among the parties");
        assertTrue(CaseAccess.hiddenFromUnit(accusation, "某某街道办事处"), "a party named as it is written");
    }

    /** Art. 35: the review by the organ above the handling one (or the government over it); Art. 36: the re-review above that. */
    @Test
    void aReviewIsAnsweredAboveTheHandlingOrganAndAReReviewAboveTheReview() {
        Caller nanmingSupervisor = Caller.of("nanming-supervisor", List.of("supervisor:520102"));
        Caller provinceSupervisor = Caller.of("province-supervisor", List.of("supervisor:52"));
        Caller both = Caller.of("both", List.of("supervisor:5201", "supervisor:52"));
        Petition handledByTheCounty = disposedTo("520102-ZRZYJ", ConfidentialityDecision.none(NOW));

        assertEquals("520102", CaseAccess.answeringLevel(nanmingSupervisor, handledByTheCounty,
                new CaseAction.AnswerReview("维持")), "the county government over its department");
        assertEquals("5201", CaseAccess.answeringLevel(both, handledByTheCounty, new CaseAction.AnswerReview("维持")),
                "the lowest level that qualifies");
        Petition handledByTheCity = disposedTo("520100-ZRZYJ", ConfidentialityDecision.none(NOW));
        assertThrows(Forbidden.class, () -> CaseAccess.answeringLevel(nanmingSupervisor, handledByTheCity,
                new CaseAction.AnswerReview("维持")), "a county does not review its city's department");

        Petition reviewedByGuiyang = withHandling(handledByTheCounty, new Handling(Disposition.TRANSFER, "520102-ZRZYJ",
                List.of(), null, null, "答复", NOW, null, "维持", null, null, "5201", null));
        Forbidden sameLevel = assertThrows(Forbidden.class, () -> CaseAccess.answeringLevel(GUIYANG_SUPERVISOR,
                reviewedByGuiyang, new CaseAction.AnswerReReview("维持")));
        assertTrue(sameLevel.getMessage().contains("Art. 36"), sameLevel.getMessage());
        assertEquals("52", CaseAccess.answeringLevel(provinceSupervisor, reviewedByGuiyang,
                new CaseAction.AnswerReReview("维持")));
        assertEquals("52", CaseAccess.answeringLevel(both, reviewedByGuiyang, new CaseAction.AnswerReReview("维持")));
    }

    @Test
    void coUnitsReadButTheLeadUnitActsAndACountySystemFollowsWhatItsUnitsReceive() {
        Handling joint = new Handling(Disposition.ACCEPT, "520102-ZRZYJ", List.of("520102-GAJ"), null, null, null,
                null, null, null, null, null);
        Petition petition = withHandling(disposedTo("520102-ZRZYJ", ConfidentialityDecision.none(NOW)), joint);
        assertTrue(CaseAccess.visible(POLICE, petition));
        assertThrows(Forbidden.class, () -> CaseAccess.requireStep(POLICE, petition, new CaseAction.Reply("x")));
        CaseAccess.requireStep(LAND_BUREAU, petition, new CaseAction.Reply("x"));

        Handling elsewhere = new Handling(Disposition.TRANSFER, "520103-ZRZYJ", List.of(), null, null, null, null,
                null, null, null, null);
        Petition sentToYunyan = withHandling(petition, elsewhere);
        Caller yunyanSystem = Caller.of("yunyan", List.of("integration:520103"));
        assertTrue(CaseAccess.visible(yunyanSystem, sentToYunyan));
        CaseAccess.requireStep(yunyanSystem, sentToYunyan, new CaseAction.Reply("已办结"));
        assertFalse(CaseAccess.visible(yunyanSystem, petition));
        assertTrue(CaseAccess.listScope(yunyanSystem).handlingPrefixes().contains("520103"));
    }

    @Test
    void identityNumbersAndPhonesAreMaskedForEveryReaderUntilDisclosed() {
        Petition petition = disposedTo("520102-ZRZYJ", ConfidentialityDecision.none(NOW));
        assertEquals(new Petitioner("张三", "***002X", "***1234", "贵阳市南明区", false),
                CaseAccess.view(NANMING_CLERK, petition, false).petitioners().get(0));
        assertEquals(ZHANG, CaseAccess.view(NANMING_CLERK, petition, true).petitioners().get(0));
        assertEquals(ZHANG, CaseAccess.view(LAND_BUREAU, petition, true).petitioners().get(0),
                "the handling unit may call a petitioner who did not ask for confidentiality");
        assertEquals(Set.of(RedactedField.RESIDENT_ID, RedactedField.PHONE), CaseAccess.disclosed(NANMING_CLERK, petition));
    }

    @Test
    void aHiddenIdentityIsDisclosedToTheReceptionCenterOnly() {
        ConfidentialityDecision identityHidden = new ConfidentialityDecision(true, Set.of(),
                Set.of(RedactedField.CONTENT), Set.of(), List.of("Art. 30"), NOW, List.of());
        Petition petition = disposedTo("520102-ZRZYJ", identityHidden);
        Petitioner seenByUnit = CaseAccess.view(LAND_BUREAU, petition, true).petitioners().get(0);
        assertEquals(new Petitioner("***", "***", "***", "***", false), seenByUnit,
                "nothing of a hidden identity for a unit: no surname, no length, no digits");
        assertEquals(new Petitioner("***", "***002X", "***1234", "***", false),
                CaseAccess.view(GUIYANG_SUPERVISOR, petition, false).petitioners().get(0),
                "the reception center confirms a caller by the last four digits before it discloses");
        assertNull(CaseAccess.view(LAND_BUREAU, petition, false).content(), "withheld outside the reader circle");
        assertTrue(CaseAccess.disclosed(LAND_BUREAU, petition).isEmpty(), "nothing unmasked, nothing to audit");
        assertEquals(ZHANG, CaseAccess.view(GUIYANG_SUPERVISOR, petition, true).petitioners().get(0));
        assertEquals("补偿", CaseAccess.view(GUIYANG_SUPERVISOR, petition, false).content());
    }

    /** An auditor sees who did what and when on a confidential case; its free texts only its readers read. */
    @Test
    void theFreeTextOfAConfidentialCasesAuditFollowsTheCasesConfidentiality() {
        Caller auditor = Caller.of("auditor", List.of("auditor"));
        List<AuditEntry> entries = List.of(new AuditEntry(1, "id", "dispose", "clerk", NOW,
                "TRANSFER to 520102-ZRZYJ: 检举人柳某称", null, null), new AuditEntry(2, "id", "archive", "clerk", NOW,
                "archived from REPLIED", null, null));
        ConfidentialityDecision identityHidden = new ConfidentialityDecision(true, Set.of(), Set.of(), Set.of(),
                List.of("Art. 30"), NOW, List.of());
        Petition hidden = disposedTo("520102-ZRZYJ", identityHidden);

        List<AuditEntry> audited = CaseAccess.auditView(auditor, hidden, entries);

        assertEquals("TRANSFER to 520102-ZRZYJ: " + CaseAccess.TEXT_WITHHELD, audited.get(0).detail());
        assertEquals("dispose", audited.get(0).action());
        assertEquals("clerk", audited.get(0).actor());
        assertEquals("archived from REPLIED", audited.get(1).detail(), "no free text, nothing withheld");
        assertEquals(entries, CaseAccess.auditView(GUIYANG_SUPERVISOR, hidden, entries), "the reception center reads it");
        assertEquals(entries, CaseAccess.auditView(auditor, disposedTo("520102-ZRZYJ",
                ConfidentialityDecision.none(NOW)), entries), "a case whose identity is not hidden");
    }

    @Test
    void aUnitLeftOutOfTheReaderCircleDoesNotSeeTheCase() {
        ConfidentialityDecision circle = new ConfidentialityDecision(false, Set.of(), Set.of(),
                Set.of("520102-JJJCW"), List.of("circle"), NOW, List.of());
        assertFalse(CaseAccess.visible(LAND_BUREAU, disposedTo("520102-ZRZYJ", circle)));
        assertTrue(CaseAccess.visible(NANMING_CLERK, disposedTo("520102-ZRZYJ", circle)));
    }

    @Test
    void stepsAreTakenByTheirRolesOnly() {
        Petition petition = disposedTo("520102-ZRZYJ", ConfidentialityDecision.none(NOW));
        CaseAccess.requireStep(LAND_BUREAU, petition, new CaseAction.Reply("已办结"));
        assertThrows(Forbidden.class, () -> CaseAccess.requireStep(NANMING_CLERK, petition, new CaseAction.Reply("x")));
        assertThrows(Forbidden.class,
                () -> CaseAccess.requireStep(LAND_BUREAU, petition, new CaseAction.Supervise("督办", null)));
        CaseAccess.requireRegistration(NANMING_CLERK, "520102");
        assertThrows(Forbidden.class, () -> CaseAccess.requireRegistration(NANMING_CLERK, "520103"));
        assertThrows(Forbidden.class, () -> CaseAccess.requireRegistration(GUIYANG_SUPERVISOR, "520102"));
    }

    @Test
    void listsAreLimitedToThePlacesAndUnitsOfTheCaller() {
        ListScope scope = CaseAccess.listScope(Caller.of("many", List.of("clerk:520102", "supervisor:520100",
                "integration:520103", "unit:520102-ZRZYJ", "auditor", "unknown-role", "clerk:bad")));
        assertEquals(Set.of("520102", "5201", "520103"), scope.jurisdictionPrefixes());
        assertEquals(Set.of(new ListScope.Unit("520102-ZRZYJ", Set.of("520102-ZRZYJ", "南明区自然资源局"))), scope.units());
        assertTrue(CaseAccess.listScope(RULES).empty());
    }

    private static Petition withHandling(Petition p, Handling handling) {
        return new Petition(p.id(), p.registrationNumber(), p.channel(), p.type(), p.category(), p.title(), p.content(),
                p.jurisdiction(), p.receivedAt(), p.petitioners(), p.accused(), p.confidential(), p.linkedPetitions(),
                p.status(), p.routing(), p.confidentiality(), p.escalations(), handling, p.deadlines(), p.supervisions(),
                p.version());
    }

    private static ConfidentialityDecision hiddenFrom(String party) {
        return new ConfidentialityDecision(true, Set.of(party), Set.of(), Set.of(), List.of("Art. 30"), NOW, List.of());
    }

    /** An accusation disposed to the very unit it accuses, with whatever the rules decided. */
    private static Petition accusation(List<String> accused, ConfidentialityDecision rules) {
        Petition p = disposedTo("520102-GAJ", rules);
        return new Petition(p.id(), p.registrationNumber(), p.channel(), PetitionType.ACCUSATION, p.category(),
                "举报", "民警收受财物", p.jurisdiction(), p.receivedAt(), p.petitioners(), accused, false,
                p.linkedPetitions(), p.status(), p.routing(), rules, p.escalations(), p.handling(), p.deadlines(),
                p.supervisions(), p.version());
    }

    private static Petition disposedTo(String unit, ConfidentialityDecision confidentiality) {
        RoutingDecision routing = new RoutingDecision(Disposition.TRANSFER, unit, "unit", List.of(), Priority.NORMAL,
                "主管", NOW, new RuleProvenance("province-base", "1", "52", List.of("r")));
        Handling handling = new Handling(Disposition.TRANSFER, unit, List.of(), null, null, null, null, null, null, null,
                null);
        return new Petition("id", "520102-2026-000001", Channel.VISIT, PetitionType.APPEAL, Category.LAND_RESOURCES,
                "征地", "补偿", "520102", NOW, List.of(ZHANG), List.of(), false, List.of(), PetitionStatus.TRANSFERRED,
                routing, confidentiality, List.of(), handling, List.of(), List.of(), 1);
    }
}
