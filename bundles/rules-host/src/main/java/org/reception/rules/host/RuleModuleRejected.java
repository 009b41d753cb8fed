package org.reception.rules.host;

import java.util.List;

import org.reception.rules.admin.RuleModuleSource;

/** A rule module that cannot be used: it does not compile, fails its tests or breaks the contract. Nothing was published. */
public class RuleModuleRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient RuleModuleSource module;
    private final transient List<String> errors;

    public RuleModuleRejected(RuleModuleSource module, List<String> errors) {
        super("rule module " + module.id() + " " + module.version() + " from " + module.origin()
                + " rejected: " + String.join("; ", errors));
        this.module = module;
        this.errors = List.copyOf(errors);
    }

    public RuleModuleSource module() {
        return module;
    }

    public List<String> errors() {
        return errors;
    }
}
