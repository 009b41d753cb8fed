package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something about a case that escalation must know: a deadline passed or about to pass. Raised
 * once per deadline and kind, kept in the database.
 */
public record CaseEvent(long id, String petitionId, String registrationNumber, Kind kind, DeadlineKind deadline,
                        LocalDate due, Instant raisedAt) {

    public enum Kind {
        DUE_SOON,
        OVERDUE
    }
}
