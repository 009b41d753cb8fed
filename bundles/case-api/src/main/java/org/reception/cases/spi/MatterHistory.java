package org.reception.cases.spi;

import java.util.List;

/**
 * What the store knows of the earlier petitions of the same petitioners, category and place when a
 * new petition arrives, read at once. Which of them are the same matter is for the core to judge.
 *
 * @param open registration numbers of the petitions still being dealt with
 * @param finallyReviewed registration numbers of those whose re-review is done (final, Art. 36)
 * @param earlier registration numbers of all of them, oldest first
 */
public record MatterHistory(List<String> open, List<String> finallyReviewed, List<String> earlier) {
    public MatterHistory {
        open = List.copyOf(open);
        finallyReviewed = List.copyOf(finallyReviewed);
        earlier = List.copyOf(earlier);
    }

    /** How many earlier petitions there are. */
    public int petitions() {
        return earlier.size();
    }
}
