package org.reception.cases.statistics;

import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;

/**
 * How many escalations the rules raised in a period with one trigger to one level (a case escalated
 * twice counts twice).
 */
public record EscalationCount(EscalationTrigger trigger, EscalationLevel level, long count) {
}
