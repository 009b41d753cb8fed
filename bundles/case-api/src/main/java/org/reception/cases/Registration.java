package org.reception.cases;

import java.util.List;

/**
 * The answer to a registration: the stored petition, its receipt, and the open petitions of the
 * same petitioner on the same matter, shown to the clerk.
 *
 * @param replayed whether this answers a retry with an idempotency key already used: the
 *        petition was registered by the first request, nothing new was stored
 */
public record Registration(Petition petition, Receipt receipt, List<String> possibleDuplicates, boolean replayed) {
    public Registration {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    public Registration(Petition petition, Receipt receipt, List<String> possibleDuplicates) {
        this(petition, receipt, possibleDuplicates, false);
    }
}
