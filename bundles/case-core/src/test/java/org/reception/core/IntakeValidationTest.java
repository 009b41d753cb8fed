package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.NewPetition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;

class IntakeValidationTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    private final IntakeValidation validation = new IntakeValidation("52", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsACompletePetitionOfAGuizhouCounty() {
        validation.check(petition("520102", "标题", "内容", null));
        assertEquals(NOW, validation.receivedAt(petition("520102", "标题", "内容", null)));
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        PetitionRejected rejected = assertThrows(PetitionRejected.class,
                () -> validation.check(new NewPetition(null, null, " ", null, null, null)));

        assertEquals(Problem.INVALID_PETITION, rejected.problem());
        assertEquals(List.of("channel", "category", "title", "content", "jurisdiction"),
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
        validation.check(petition("520102", "信".repeat(200), "内容", null));
        PetitionRejected rejected = assertThrows(PetitionRejected.class,
                () -> validation.check(petition("520102", "信".repeat(201), "访".repeat(20_001), null)));
        assertEquals(List.of(new Violation("title", "is longer than 200 characters"),
                new Violation("content", "is longer than 20000 characters")), rejected.violations());
    }

    @Test
    void refusesAReceiptTimeInTheFutureBeyondTheClockTolerance() {
        validation.check(petition("520102", "标题", "内容", NOW.plusSeconds(60)));
        PetitionRejected rejected = assertThrows(PetitionRejected.class,
                () -> validation.check(petition("520102", "标题", "内容", NOW.plusSeconds(3600))));
        assertEquals("receivedAt", rejected.violations().get(0).field());
    }

    private String onlyViolation(String jurisdiction) {
        PetitionRejected rejected = assertThrows(PetitionRejected.class,
                () -> validation.check(petition(jurisdiction, "标题", "内容", null)));
        assertEquals(1, rejected.violations().size());
        return rejected.violations().get(0).message();
    }

    private static NewPetition petition(String jurisdiction, String title, String content, Instant receivedAt) {
        return new NewPetition(Channel.LETTER, Category.HEALTH, title, content, jurisdiction, receivedAt);
    }
}
