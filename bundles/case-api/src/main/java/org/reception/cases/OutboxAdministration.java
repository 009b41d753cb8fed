package org.reception.cases;

import java.util.List;

/** What administrators see and do of the deliveries to county systems. */
public interface OutboxAdministration {

    /** Newest first: the undelivered ones only (pending and refused), or all; at most {@code limit}. */
    List<OutboxMessage> messages(boolean undeliveredOnly, int limit);

    /**
     * Makes an undelivered message due at once, instead of at its next backoff; a refused one goes
     * back to pending with its refusals forgotten. @return whether there was one
     */
    boolean retryNow(long messageId);

    /** The division codes a county system is registered for now (by configuration or by a plugin). */
    List<String> destinations();

    /**
     * Whether the cases of this division code go to a county system: one is registered now, or
     * was since the platform started (its cases wait while it is replaced).
     */
    boolean delivers(String destination);
}
