package org.reception.rules.host;

import java.util.List;

/** A rule module that cannot be used: it does not compile or breaks the contract. Nothing was published. */
public class RuleModuleRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public RuleModuleRejected(RuleModuleSource module, List<String> errors) {
        super("rule module " + module.id() + " " + module.version() + " from " + module.origin()
                + " rejected: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
