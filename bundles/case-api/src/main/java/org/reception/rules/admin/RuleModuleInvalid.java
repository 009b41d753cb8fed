package org.reception.rules.admin;

import java.util.List;

/** A module handed to the host that does not compile, does not pass its test cases, or steps outside the contract. */
public class RuleModuleInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public RuleModuleInvalid(String message, List<String> errors) {
        super(message + ": " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
