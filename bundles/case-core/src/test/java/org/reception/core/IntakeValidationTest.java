package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.NewPetition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Problem;
import org.reception.cases.Violation;

class IntakeValidationTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    private static final Petitioner ZHANG = new Petitioner("张三", "11010519491231002X", "13800000000", "南明区", false);
    private final IntakeValidation validation = new IntakeValidation("52");

    @Test
    void acceptsACompletePetitionOfAGuizhouCounty() {
        validation.check(petition("520102", "标题", "内容", null, List.of(ZHANG)), NOW);
    }

    @Test
    void anAccusationNamesWhomItAccusesForThatIsWhomTheCaseIsKeptFrom() {
        NewPetition nobodyAccused = new NewPetition(Channel.LETTER, PetitionType.ACCUSATION, Category.PUBLIC_SECURITY,
                "举报", "民警收受财物", "520102", null, List.of(ZHANG), List.of(), false, List.of());
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(nobodyAccused, NOW));
        assertEquals(List.of("accused"), rejected.violations().stream().map(Violation::field).toList());

        validation.check(new NewPetition(Channel.LETTER, PetitionType.ACCUSATION, Category.PUBLIC_SECURITY, "举报",
                "民警收受财物", "520102", null, List.of(ZHANG), List.of("南明区公安局"), false, List.of()), NOW);
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(
                new NewPetition(null, null, null, " ", null, null, null, null, null, false, null), NOW));

        assertEquals(Problem.INVALID_PETITION, rejected.problem());
        assertEquals(List.of("channel", "type", "category", "title", "content", "jurisdiction", "petitioners"),
                rejected.violations().stream().map(Violation::field).toList());
    }

    @Test
    void refusesJurisdictionsThatAreMalformedUnknownNotCountiesOrOutsideTheProvince() {
        assertEquals("must be a 6-digit county-level division code", onlyViolation("52010X"));
        assertEquals("'529999' is not a known county-level division", onlyViolation("529999"));
        assertEquals("'520100' is not a known county-level division", onlyViolation("520100"));
        assertEquals("'530102' lies outside the province served here (52)", onlyViolation("530102"));
    }

    @Test
    void refusesTextsThatAreTooLongCountingCharactersNotBytes() {
        validation.check(petition("520102", "信".repeat(200), "内容", null, List.of(ZHANG)), NOW);
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(
                petition("520102", "信".repeat(201), "访".repeat(20_001), null, List.of(ZHANG)), NOW));
        assertEquals(List.of(new Violation("title", "is longer than 200 characters"),
                new Violation("content", "is longer than 20000 characters")), rejected.violations());
    }

    @Test
    void refusesAReceiptTimeInTheFutureBeyondTheClockTolerance() {
        validation.check(petition("520102", "标题", "内容", NOW.plusSeconds(60), List.of(ZHANG)), NOW);
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(
                petition("520102", "标题", "内容", NOW.plusSeconds(3600), List.of(ZHANG)), NOW));
        assertEquals("receivedAt", rejected.violations().get(0).field());
    }

    @Test
    void checksEachPetitionersIdentityNumberAndPhone() {
        Petitioner wrong = new Petitioner("李四", "110105194912310021", "call me", null, false);
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(
                petition("520102", "标题", "内容", null, List.of(ZHANG, wrong, ZHANG)), NOW));
        assertEquals(List.of(new Violation("petitioners[1].residentId", "has a wrong check digit"),
                new Violation("petitioners[1].phone", "must be 5 to 20 digits, spaces or dashes"),
                new Violation("petitioners[2].residentId", "is listed twice")), rejected.violations());
    }

    @Test
    void aVisitOfMoreThanFiveMustNameOneToFiveRepresentatives() {
        List<Petitioner> six = group(6, 0);
        PetitionRejected rejected = assertThrows(PetitionRejected.class,
                () -> validation.check(visit(six), NOW));
        assertEquals("a visit of 6 people must name 1 to 5 representatives (Art. 20); it names 0",
                rejected.violations().get(0).message());
        validation.check(visit(group(6, 2)), NOW);
        validation.check(visit(group(5, 0)), NOW);
        assertThrows(PetitionRejected.class, () -> validation.check(visit(group(8, 6)), NOW));
    }

    /** Art. 20 is about people who come in person: a letter or an online petition signed by many needs no representatives. */
    @Test
    void aJointLetterOrOnlinePetitionOfSixNeedsNoRepresentatives() {
        validation.check(petition("520102", "联名信", "内容", null, group(6, 0)), NOW);
        validation.check(new NewPetition(Channel.ONLINE, PetitionType.APPEAL, Category.HOUSING_CONSTRUCTION, "网上联名",
                "内容", "520102", null, group(12, 0), List.of(), false, List.of()), NOW);
    }

    /** A number read as a time (12345 is 1970), a year 1 or -1: mistakes, refused with the field. */
    @Test
    void aReceiptTimeBeforeTheYear2000IsRefused() {
        for (String mistaken : List.of("1970-01-01T03:25:45Z", "0001-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                "1999-12-31T23:59:59Z")) {
            PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(
                    petition("520102", "标题", "内容", Instant.parse(mistaken), List.of(ZHANG)), NOW), mistaken);
            assertEquals("receivedAt", rejected.violations().get(0).field(), mistaken);
        }
        validation.check(petition("520102", "标题", "内容", Instant.parse("2000-01-01T00:00:00Z"), List.of(ZHANG)), NOW);
    }

    @Test
    void linksAtMostTwentyEarlierPetitions() {
        List<String> links = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            links.add("520102-2025-%06d".formatted(i));
        }
        validation.check(linking(links), NOW);
        links.add("520102-2025-000021");
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> validation.check(linking(links), NOW));
        assertEquals(List.of(new Violation("linkedPetitions", "lists more than 20")), rejected.violations());
    }

    private static NewPetition linking(List<String> links) {
        return new NewPetition(Channel.LETTER, PetitionType.APPEAL, Category.HEALTH, "标题", "内容", "520102", null,
                List.of(ZHANG), List.of(), false, links);
    }

    private static NewPetition visit(List<Petitioner> people) {
        return new NewPetition(Channel.VISIT, PetitionType.APPEAL, Category.HOUSING_CONSTRUCTION, "集体走访", "内容",
                "520102", null, people, List.of(), false, List.of());
    }

    /** People with distinct, valid identity numbers; the first {@code representatives} of them speak for the group. */
    static List<Petitioner> group(int size, int representatives) {
        List<Petitioner> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String base = "52010219800101" + String.format("%03d", i + 1);
            people.add(new Petitioner("村民" + i, base + ResidentIds.checkDigit(base), null, null, i < representatives));
        }
        return people;
    }

    private String onlyViolation(String jurisdiction) {
        PetitionRejected rejected = assertThrows(PetitionRejected.class,
                () -> validation.check(petition(jurisdiction, "标题", "内容", null, List.of(ZHANG)), NOW));
        assertEquals(1, rejected.violations().size());
        return rejected.violations().get(0).message();
    }

    private static NewPetition petition(String jurisdiction, String title, String content, Instant receivedAt,
                                        List<Petitioner> petitioners) {
        return new NewPetition(Channel.LETTER, PetitionType.APPEAL, Category.HEALTH, title, content, jurisdiction,
                receivedAt, petitioners, List.of(), false, List.of());
    }
}
