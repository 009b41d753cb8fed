package org.reception.cases;

import java.util.List;

/**
 * One page of a list, with the count of matches.
 *
 * @param total the number of matches, counted up to a limit
 * @param totalExact false when there are more matches than the limit counts; {@code total} is then the limit
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int page, int size) {
    public Page {
        items = List.copyOf(items);
    }
}
