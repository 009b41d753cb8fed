package org.reception.cases;

import java.time.Instant;

/**
 * A case to deliver to a county system, kept in the outbox until the county's system takes it.
 * Written in the same transaction as the state change that calls for it, so that a delivery is
 * never lost and never invented.
 *
 * @param idempotencyKey sent with every attempt: a county system that honours it processes the case once
 * @param destination the division code of the county system, e.g. {@code 520102}
 * @param kind what happened: {@code TRANSFER} or {@code ASSIGN}
 * @param nextAttemptAt when the next attempt is due; {@code null} once delivered or refused
 * @param lastError why the last attempt failed, or why the county system refused the case; {@code null} if none did
 */
public record OutboxMessage(long id, String idempotencyKey, String destination, String petitionId,
                            String registrationNumber, String kind, Status status, int attempts,
                            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {

    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** The county system took it. */
        DELIVERED,
        /**
         * The county system refused it (it answered, and said no) at every attempt: parked, not
         * delivered, until an operator retries it; {@link #lastError()} has the reason.
         */
        REFUSED
    }
}
