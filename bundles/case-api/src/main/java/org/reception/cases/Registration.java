package org.reception.cases;

import java.util.List;

/**
 * The answer to a registration: the stored petition, its receipt, and the open petitions of the
 * same petitioner on the same matter, shown to the clerk.
 */
public record Registration(Petition petition, Receipt receipt, List<String> possibleDuplicates) {
    public Registration {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }
}
