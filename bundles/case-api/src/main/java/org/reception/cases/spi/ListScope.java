package org.reception.cases.spi;

import java.util.Set;

/**
 * The cases a list may show one caller, in terms a store can put into its query: a case is listed
 * if it lies in one of the places or is handled by one of the units, and none of the hidden terms
 * occurs among the parties it is hidden from. Counts are taken over the same cases.
 *
 * @param jurisdictionPrefixes division code prefixes whose cases the caller sees
 * @param units unit codes whose assigned cases the caller sees, unless the case's reader circle leaves the unit out
 * @param hiddenTerms the caller's units (codes and names): a case hidden from any of them is not listed
 */
public record ListScope(Set<String> jurisdictionPrefixes, Set<String> units, Set<String> hiddenTerms) {

    public ListScope {
        jurisdictionPrefixes = Set.copyOf(jurisdictionPrefixes);
        units = Set.copyOf(units);
        hiddenTerms = Set.copyOf(hiddenTerms);
    }

    /** Whether the caller sees no case at all. */
    public boolean empty() {
        return jurisdictionPrefixes.isEmpty() && units.isEmpty();
    }
}
