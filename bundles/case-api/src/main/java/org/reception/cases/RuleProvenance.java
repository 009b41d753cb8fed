package org.reception.cases;

import java.util.List;

/**
 * Which rule module, at which version, produced a decision, and the names of the rules that fired.
 *
 * @param jurisdiction the division code the module is registered for (2, 4 or 6 digits)
 */
public record RuleProvenance(String moduleId, String moduleVersion, String jurisdiction,
                             List<String> rulesFired) {
    public RuleProvenance {
        rulesFired = List.copyOf(rulesFired);
    }
}
