package org.reception.cases;

import java.util.List;

/** The input was refused; nothing was stored. */
public class PetitionRejected extends ReceptionException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final transient List<Violation> violations;

    public PetitionRejected(Problem problem, List<Violation> violations) {
        super(Violation.describe(violations));
        this.problem = problem;
        this.violations = List.copyOf(violations);
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
