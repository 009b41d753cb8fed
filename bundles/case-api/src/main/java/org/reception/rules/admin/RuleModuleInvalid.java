package org.reception.rules.admin;

import java.util.List;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;
import org.reception.cases.Violation;

/** A module handed to the host that does not compile, does not pass its test cases, or steps outside the contract. */
public class RuleModuleInvalid extends ReceptionException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public RuleModuleInvalid(String message, List<String> errors) {
        super(message + ": " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }

    /** Each error as a violation of the uploaded module. */
    @Override
    public List<Violation> violations() {
        return errors.stream().map(error -> new Violation("module", error)).toList();
    }

    @Override
    public Problem problem() {
        return Problem.INVALID_RULE_MODULE;
    }
}
