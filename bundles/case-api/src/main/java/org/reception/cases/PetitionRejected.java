package org.reception.cases;

import java.util.List;

/** The input was refused; nothing was stored. */
public class PetitionRejected extends ReceptionException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final transient List<Violation> violations;

    public PetitionRejected(Problem problem, List<Violation> violations) {
        super(describe(violations));
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

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(violation.field()).append(": ").append(violation.message());
        }
        return text.toString();
    }
}
