package org.reception.cases;

import java.time.Instant;

/**
 * An escalation the rules raised for a case: report it to {@code level} within
 * {@code reportWithinHours} of {@code raisedAt}.
 */
public record EscalationDecision(EscalationLevel level, Priority urgency, int reportWithinHours,
                                 EscalationTrigger trigger, String reason, Instant raisedAt,
                                 RuleProvenance provenance) {

    /** Report due by. */
    public Instant reportBy() {
        return raisedAt.plusSeconds(3600L * reportWithinHours);
    }

    /** Whether both ask for a report to the same level for the same trigger. */
    public boolean sameReport(EscalationDecision other) {
        return level == other.level && trigger == other.trigger;
    }
}
