package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A time limit of a petition: computed once when its clock starts, kept with the case.
 *
 * @param due the last day (China Standard Time) on which the step is on time
 * @param metAt when the step was done, or {@code null} while it is pending
 */
public record Deadline(DeadlineKind kind, Instant startedAt, LocalDate due, Instant metAt) {

    public boolean isPending() {
        return metAt == null;
    }
}
