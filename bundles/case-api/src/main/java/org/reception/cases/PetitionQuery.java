package org.reception.cases;

import java.time.Instant;
import java.util.Set;

/**
 * A list query of the desk and the supervisors. Every criterion is optional.
 *
 * @param jurisdiction a division code: the petitions of it and everything below it
 * @param unit the handling unit
 * @param overdue only cases with a pending deadline already passed
 * @param dueWithinDays only cases with a pending deadline within this many days
 * @param text words of the subject
 * @param page 0-based
 */
public record PetitionQuery(String jurisdiction, Set<PetitionStatus> statuses, String unit, boolean overdue,
                            Integer dueWithinDays, PetitionType type, Channel channel, Instant receivedFrom,
                            Instant receivedTo, String text, Category category, int page, int size) {

    public static final int MAX_SIZE = 200;

    public PetitionQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Any category. */
    public PetitionQuery(String jurisdiction, Set<PetitionStatus> statuses, String unit, boolean overdue,
                         Integer dueWithinDays, PetitionType type, Channel channel, Instant receivedFrom,
                         Instant receivedTo, String text, int page, int size) {
        this(jurisdiction, statuses, unit, overdue, dueWithinDays, type, channel, receivedFrom, receivedTo, text, null,
                page, size);
    }
}
