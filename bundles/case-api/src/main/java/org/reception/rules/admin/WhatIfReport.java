package org.reception.rules.admin;

import java.util.List;

/**
 * What a candidate module would change, had it decided the latest cases of its jurisdiction in
 * place of the module that serves. The cases the caller may read are reported one by one; the
 * others only as counts of how their routing would shift, between known units, and a count of
 * fewer than three cases is not reported at all: no candidate can be used to learn what a case
 * says or whom it accuses. Cases kept from one of the caller's units are never put to the candidate.
 *
 * @param examined how many stored cases were put to both
 * @param changes each case the caller may read that the candidate would decide differently
 * @param shifts the cases the caller may not read that it would decide differently, counted
 * @param suppressed how many cases of those fell in a shift of fewer than {@value #SMALLEST_SHIFT}
 */
public record WhatIfReport(RuleModuleInfo candidate, RuleModuleInfo serving, int examined, List<Change> changes,
                           List<Shift> shifts, int suppressed) {

    /** Shifts of fewer cases are not reported: a handful of cases can be told apart. */
    public static final int SMALLEST_SHIFT = 3;

    public WhatIfReport {
        changes = List.copyOf(changes);
        shifts = List.copyOf(shifts);
    }

    /**
     * One case decided differently.
     *
     * @param differences one line per decision that changes, e.g.
     *        {@code routing: TRANSFER 520000-XFJ -> ASSIGN 520102-ZJJ}
     */
    public record Change(String registrationNumber, List<String> differences) {
        public Change {
            differences = List.copyOf(differences);
        }
    }

    /**
     * Cases the caller may not read whose decision would change the same way: {@code what} is
     * {@code routing} (a disposition and a known unit, or "an unknown unit"), {@code confidentiality}
     * or {@code escalations} (whether they restrict, how many).
     */
    public record Shift(String what, String before, String after, int cases) {
    }
}
