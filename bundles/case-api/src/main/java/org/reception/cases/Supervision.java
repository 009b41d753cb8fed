package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A supervisor's order to correct a case that is overdue, unanswered or mishandled (督办, Art. 40),
 * and its outcome.
 */
public record Supervision(long id, String order, LocalDate due, String orderedBy, Instant orderedAt,
                          String outcome, Instant resolvedAt) {
}
