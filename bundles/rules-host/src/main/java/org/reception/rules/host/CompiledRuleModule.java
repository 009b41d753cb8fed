package org.reception.rules.host;

import org.kie.api.KieBase;

/** A rule module that compiled and passed validation, ready to decide. Immutable; shared by all evaluations. */
public record CompiledRuleModule(RuleModuleSource source, KieBase kieBase, int ruleCount) {

    public String id() {
        return source.id();
    }

    public String version() {
        return source.version();
    }

    public String jurisdiction() {
        return source.jurisdiction();
    }
}
