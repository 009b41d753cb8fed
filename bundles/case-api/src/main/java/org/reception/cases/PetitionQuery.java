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
 * @param after where the page starts: after this case of the list's order (keyset paging, as cheap
 *              on the thousandth page as on the first); {@code null} to start at {@code page * size}
 */
public record PetitionQuery(String jurisdiction, Set<PetitionStatus> statuses, String unit, boolean overdue,
                            Integer dueWithinDays, PetitionType type, Channel channel, Instant receivedFrom,
                            Instant receivedTo, String text, Category category, int page, int size, After after) {

    public static final int MAX_SIZE = 200;

    /** A case's place in the lists' order (newest receipt first, then by id): the last of a page. */
    public record After(Instant receivedAt, String id) {
        public After {
            java.util.Objects.requireNonNull(receivedAt, "receivedAt");
            java.util.Objects.requireNonNull(id, "id");
        }
    }

    public PetitionQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** From an offset. */
    public PetitionQuery(String jurisdiction, Set<PetitionStatus> statuses, String unit, boolean overdue,
                         Integer dueWithinDays, PetitionType type, Channel channel, Instant receivedFrom,
                         Instant receivedTo, String text, Category category, int page, int size) {
        this(jurisdiction, statuses, unit, overdue, dueWithinDays, type, channel, receivedFrom, receivedTo, text,
                category, page, size, null);
    }

    /** Any category. */
    public PetitionQuery(String jurisdiction, Set<PetitionStatus> statuses, String unit, boolean overdue,
                         Integer dueWithinDays, PetitionType type, Channel channel, Instant receivedFrom,
                         Instant receivedTo, String text, int page, int size) {
        this(jurisdiction, statuses, unit, overdue, dueWithinDays, type, channel, receivedFrom, receivedTo, text, null,
                page, size, null);
    }
}
