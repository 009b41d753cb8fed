package org.reception.rules;

import java.util.Objects;

import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.Priority;

/**
 * An escalation emitted by a rule: report the case up to a level, within so many hours. The
 * escalations of all layers add up; two of the same level and trigger merge into the more urgent.
 *
 * <pre>
 * insert( new Escalation( EscalationLevel.PROVINCE, Priority.URGENT, 2, EscalationTrigger.RISK_WORDS,
 *         "来信提及极端行为，须立即上报（第十四条）" ) );
 * </pre>
 */
public final class Escalation {

    private final EscalationLevel level;
    private final Priority urgency;
    private final int reportWithinHours;
    private final EscalationTrigger trigger;
    private final String reason;

    /**
     * @param reportWithinHours how many hours the receiving unit has to report; at least 1
     */
    public Escalation(EscalationLevel level, Priority urgency, int reportWithinHours, EscalationTrigger trigger,
                      String reason) {
        this.level = Objects.requireNonNull(level, "level");
        this.urgency = Objects.requireNonNull(urgency, "urgency");
        if (reportWithinHours < 1) {
            throw new IllegalArgumentException("reportWithinHours must be at least 1, not " + reportWithinHours);
        }
        this.reportWithinHours = reportWithinHours;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public EscalationLevel getLevel() {
        return level;
    }

    public Priority getUrgency() {
        return urgency;
    }

    public int getReportWithinHours() {
        return reportWithinHours;
    }

    public EscalationTrigger getTrigger() {
        return trigger;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Escalation[" + level + " " + trigger + ", " + urgency + " within " + reportWithinHours + " h: "
                + reason + "]";
    }
}
