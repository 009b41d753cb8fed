package org.reception.rules.host;

import java.util.List;
import java.util.Optional;

import org.reception.rules.Routing;

/** What one rule module decided for one petition, and which of its rules fired. */
public record ModuleVerdict(CompiledRuleModule module, Optional<Routing> routing, List<String> rulesFired) {
    public ModuleVerdict {
        rulesFired = List.copyOf(rulesFired);
    }
}
