package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A line of a list: enough to pick the case, nothing personal. */
public record PetitionSummary(String id, String registrationNumber, PetitionType type, Category category, String title,
                              String jurisdiction, Instant receivedAt, PetitionStatus status, String unit,
                              LocalDate nextDue, boolean overdue) {
}
