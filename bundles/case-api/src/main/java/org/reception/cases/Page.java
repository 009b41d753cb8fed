package org.reception.cases;

import java.util.List;

/** One page of a list, with the total count of matches. */
public record Page<T>(List<T> items, long total, int page, int size) {
    public Page {
        items = List.copyOf(items);
    }
}
