package org.reception.cases.access;

import java.util.List;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;
import org.reception.cases.Violation;

/** A change to the accounts was refused; the realm is as it was. */
public class AccountRefused extends ReceptionException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;
    private final transient List<Violation> violations;

    public AccountRefused(Problem problem, String message, List<Violation> violations) {
        super(violations.isEmpty() ? message : Violation.describe(violations));
        this.problem = problem;
        this.violations = List.copyOf(violations);
    }

    /** Bad input: these fields, with why. */
    public static AccountRefused invalid(List<Violation> violations) {
        return new AccountRefused(Problem.MALFORMED_REQUEST, null, violations);
    }

    /** The accounts as they are do not allow it: a name taken, an administrator locking itself out. */
    public static AccountRefused conflict(String message) {
        return new AccountRefused(Problem.ACCOUNT_CONFLICT, message, List.of());
    }

    @Override
    public Problem problem() {
        return problem;
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
