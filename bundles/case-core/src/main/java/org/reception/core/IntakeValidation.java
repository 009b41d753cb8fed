package org.reception.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reception.cases.Channel;
import org.reception.cases.NewPetition;
import org.reception.cases.PetitionLimits;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.DivisionLevel;
import org.reception.cases.divisions.Divisions;

/** The checks a petition passes before anything is decided or stored; every violation is reported at once. */
final class IntakeValidation {

    /**
     * A visit (走访) of more than this many people names representatives, at most this many (Art. 20
     * applies to visits): a joint letter or online petition signed by more people needs none.
     */
    static final int GROUP_SIZE = 5;
    /** Clocks of county systems drift; a receipt time a little ahead of ours is not an error. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /**
     * The earliest receipt time taken: no reception center registers today what it received before
     * this, and a number read as a time (12345 is 1970) or a year 1 is a mistake, not a petition.
     */
    static final Instant EARLIEST_RECEIPT = Instant.parse("2000-01-01T00:00:00Z");

    private final String provinceCode;

    IntakeValidation(String provinceCode) {
        this.provinceCode = provinceCode;
    }

    /** @throws PetitionRejected listing every field that is wrong */
    void check(NewPetition petition, Instant now) {
        if (petition == null) {
            throw new PetitionRejected(Problem.INVALID_PETITION, List.of(new Violation("", "a petition is required")));
        }
        List<Violation> violations = new ArrayList<>();
        required("channel", petition.channel(), violations);
        required("type", petition.type(), violations);
        required("category", petition.category(), violations);
        text("title", petition.title(), PetitionLimits.TITLE_LENGTH, true).ifPresent(violations::add);
        text("content", petition.content(), PetitionLimits.CONTENT_LENGTH, true).ifPresent(violations::add);
        jurisdiction(petition.jurisdiction()).ifPresent(violations::add);
        if (petition.receivedAt() != null && petition.receivedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            violations.add(new Violation("receivedAt", "lies in the future"));
        }
        if (petition.receivedAt() != null && petition.receivedAt().isBefore(EARLIEST_RECEIPT)) {
            violations.add(new Violation("receivedAt", "lies before " + EARLIEST_RECEIPT
                    + "; a receipt time is an ISO-8601 time such as 2026-06-01T09:30:00+08:00"));
        }
        petitioners(petition.petitioners(), petition.channel(), WorkingCalendar.day(now), violations);
        if (petition.type() == PetitionType.ACCUSATION && petition.accused().isEmpty()) {
            // The accused are whom the case is kept from (《信访工作条例》第三十条): without them nobody is.
            violations.add(new Violation("accused", "an accusation names at least one accused unit or person"));
        }
        if (petition.accused().size() > PetitionLimits.ACCUSED) {
            violations.add(new Violation("accused", "lists more than " + PetitionLimits.ACCUSED));
        }
        for (int i = 0; i < petition.accused().size(); i++) {
            text("accused[" + i + "]", petition.accused().get(i), PetitionLimits.ACCUSED_LENGTH, true)
                    .ifPresent(violations::add);
        }
        if (petition.linkedPetitions().size() > PetitionLimits.LINKED_PETITIONS) {
            violations.add(new Violation("linkedPetitions", "lists more than " + PetitionLimits.LINKED_PETITIONS));
        }
        for (int i = 0; i < petition.linkedPetitions().size(); i++) {
            String link = petition.linkedPetitions().get(i);
            if (link == null || !link.matches(PetitionLimits.REGISTRATION_NUMBER_PATTERN)) {
                violations.add(new Violation("linkedPetitions[" + i + "]", "must be a registration number like 520102-2026-000001"));
            }
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.INVALID_PETITION, violations);
        }
    }

    private static void petitioners(List<Petitioner> petitioners, Channel channel, LocalDate today,
                                    List<Violation> violations) {
        if (petitioners.isEmpty()) {
            violations.add(new Violation("petitioners", "at least one petitioner is required"));
            return;
        }
        if (petitioners.size() > PetitionLimits.PETITIONERS) {
            violations.add(new Violation("petitioners", "lists more than " + PetitionLimits.PETITIONERS));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < petitioners.size(); i++) {
            Petitioner petitioner = petitioners.get(i);
            String at = "petitioners[" + i + "].";
            if (petitioner == null) {
                violations.add(new Violation("petitioners[" + i + "]", "is empty"));
                continue;
            }
            text(at + "name", petitioner.name(), PetitionLimits.NAME_LENGTH, true).ifPresent(violations::add);
            ResidentIds.problem(petitioner.residentId(), today)
                    .ifPresent(problem -> violations.add(new Violation(at + "residentId", problem)));
            if (petitioner.residentId() != null && !seen.add(petitioner.residentId())) {
                violations.add(new Violation(at + "residentId", "is listed twice"));
            }
            if (petitioner.phone() != null && !petitioner.phone().matches(PetitionLimits.PHONE_PATTERN)) {
                violations.add(new Violation(at + "phone", "must be 5 to 20 digits, spaces or dashes"));
            }
            text(at + "address", petitioner.address(), PetitionLimits.ADDRESS_LENGTH, false).ifPresent(violations::add);
        }
        long representatives = petitioners.stream().filter(p -> p != null && p.representative()).count();
        if (channel == Channel.VISIT && petitioners.size() > GROUP_SIZE
                && (representatives == 0 || representatives > GROUP_SIZE)) {
            violations.add(new Violation("petitioners", "a visit of " + petitioners.size() + " people must name 1 to "
                    + GROUP_SIZE + " representatives (Art. 20); it names " + representatives));
        }
    }

    private static void required(String field, Object value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        }
    }

    /** The one check of free text in the platform: present if required, and not longer than allowed. */
    static Optional<Violation> text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(new Violation(field, "is required")) : Optional.empty();
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
        if (!code.matches(PetitionLimits.JURISDICTION_PATTERN)) {
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
}
