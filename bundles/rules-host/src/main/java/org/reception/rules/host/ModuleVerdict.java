package org.reception.rules.host;

import java.util.List;
import java.util.Optional;

import org.reception.rules.Confidentiality;
import org.reception.rules.Escalation;
import org.reception.rules.Routing;

/**
 * What one rule module decided for one petition, and which of its rules fired. A module broken off
 * (fire limit, time limit, an exception) decides nothing: {@code problem} says why.
 */
public record ModuleVerdict(CompiledRuleModule module, Optional<Routing> routing,
                            List<Confidentiality> confidentiality, List<Escalation> escalations,
                            List<String> rulesFired, Optional<String> problem) {

    public ModuleVerdict {
        confidentiality = List.copyOf(confidentiality);
        escalations = List.copyOf(escalations);
        rulesFired = List.copyOf(rulesFired);
    }

    static ModuleVerdict brokenOff(CompiledRuleModule module, List<String> rulesFired, String problem) {
        return new ModuleVerdict(module, Optional.empty(), List.of(), List.of(), rulesFired, Optional.of(problem));
    }
}
