package org.reception.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reception.cases.NewPetition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.DivisionLevel;
import org.reception.cases.divisions.Divisions;

/** The checks a petition passes before anything is decided or stored; every violation is reported at once. */
final class IntakeValidation {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_CONTENT_LENGTH = 20_000;
    /** Clocks of county systems drift; a receipt time a little ahead of ours is not an error. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final String provinceCode;
    private final Clock clock;

    IntakeValidation(String provinceCode, Clock clock) {
        this.provinceCode = provinceCode;
        this.clock = clock;
    }

    /** @throws PetitionRejected listing every field that is wrong */
    void check(NewPetition petition) {
        if (petition == null) {
            throw new PetitionRejected(Problem.INVALID_PETITION, List.of(new Violation("", "a petition is required")));
        }
        List<Violation> violations = new ArrayList<>();
        if (petition.channel() == null) {
            violations.add(new Violation("channel", "is required"));
        }
        if (petition.category() == null) {
            violations.add(new Violation("category", "is required"));
        }
        text("title", petition.title(), MAX_TITLE_LENGTH).ifPresent(violations::add);
        text("content", petition.content(), MAX_CONTENT_LENGTH).ifPresent(violations::add);
        jurisdiction(petition.jurisdiction()).ifPresent(violations::add);
        if (petition.receivedAt() != null && petition.receivedAt().isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            violations.add(new Violation("receivedAt", "lies in the future"));
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.INVALID_PETITION, violations);
        }
    }

    private static Optional<Violation> text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.of(new Violation(field, "is required"));
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            return Optional.of(new Violation(field, "is longer than " + maxLength + " characters"));
        }
        return Optional.empty();
    }

    private Optional<Violation> jurisdiction(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(new Violation("jurisdiction", "is required"));
        }
        if (!code.matches("\\d{6}")) {
            return Optional.of(new Violation("jurisdiction", "must be a 6-digit county-level division code"));
        }
        Optional<Division> division = Divisions.reference().find(code);
        if (division.isEmpty() || division.get().level() != DivisionLevel.COUNTY) {
            return Optional.of(new Violation("jurisdiction", "'" + code + "' is not a known county-level division"));
        }
        if (!Divisions.isWithin(code, provinceCode)) {
            return Optional.of(new Violation("jurisdiction",
                    "'" + code + "' lies outside the province served here (" + provinceCode + ")"));
        }
        return Optional.empty();
    }

    Instant receivedAt(NewPetition petition) {
        return petition.receivedAt() != null ? petition.receivedAt() : clock.instant();
    }
}
