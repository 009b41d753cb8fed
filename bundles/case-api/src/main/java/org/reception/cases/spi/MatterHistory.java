package org.reception.cases.spi;

import java.util.List;

/**
 * What the store knows of a matter (the same petitioners, category and place) when a new petition
 * on it arrives, read at once.
 *
 * @param open registration numbers of the petitions on it still being dealt with
 * @param finallyReviewed registration numbers of those whose re-review is done (final, Art. 36)
 * @param petitions how many petitions on it there are
 */
public record MatterHistory(List<String> open, List<String> finallyReviewed, int petitions) {
    public MatterHistory {
        open = List.copyOf(open);
        finallyReviewed = List.copyOf(finallyReviewed);
    }
}
