package org.reception.cases.spi;

import java.util.Set;

/**
 * The cases a list may show one caller, in terms a store can put into its query: a case is listed
 * if it lies in one of the places or is handled by one of the units, and none of the hidden terms
 * occurs among the parties it is hidden from. Counts are taken over the same cases.
 *
 * @param jurisdictionPrefixes division code prefixes whose cases the caller sees
 * @param handlingPrefixes division code prefixes whose units' cases the caller sees (a county system follows what its units handle)
 * @param units the units whose cases (as lead or co-unit) the caller sees, unless the case's reader circle leaves them out
 * @param hiddenTerms the caller's units (codes and names): a case hidden from any of them is not listed; the
 *                    empty term stands for a unit that cannot be told apart from any hidden party
 */
public record ListScope(Set<String> jurisdictionPrefixes, Set<String> handlingPrefixes, Set<Unit> units,
                        Set<String> hiddenTerms) {

    /**
     * A unit of the caller.
     *
     * @param names the code and, if known, the name: a reader circle may name the unit either way
     */
    public record Unit(String code, Set<String> names) {
        public Unit {
            names = Set.copyOf(names);
        }
    }

    public ListScope {
        jurisdictionPrefixes = Set.copyOf(jurisdictionPrefixes);
        handlingPrefixes = Set.copyOf(handlingPrefixes);
        units = Set.copyOf(units);
        hiddenTerms = Set.copyOf(hiddenTerms);
    }

    /** Places and units only. */
    public ListScope(Set<String> jurisdictionPrefixes, Set<Unit> units, Set<String> hiddenTerms) {
        this(jurisdictionPrefixes, Set.of(), units, hiddenTerms);
    }

    /** Whether the caller sees no case at all. */
    public boolean empty() {
        return jurisdictionPrefixes.isEmpty() && handlingPrefixes.isEmpty() && units.isEmpty();
    }
}
