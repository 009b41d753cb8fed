package org.reception.rules.admin;

import java.util.List;

/**
 * What a candidate module would change, had it decided the latest cases of its jurisdiction in
 * place of the module that serves: each case it would decide differently, and how.
 *
 * @param examined how many stored cases were put to both
 */
public record WhatIfReport(RuleModuleInfo candidate, RuleModuleInfo serving, int examined, List<Change> changes) {

    public WhatIfReport {
        changes = List.copyOf(changes);
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
}
