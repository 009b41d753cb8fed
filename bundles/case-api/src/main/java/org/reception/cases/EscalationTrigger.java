package org.reception.cases;

/** Why a case is reported up. */
public enum EscalationTrigger {
    /** A legal time limit has passed. */
    OVERDUE,
    /** Five or more people came together (集体访). */
    GROUP_VISIT,
    /** The same person raises the same matter again. */
    REPEAT_PETITION,
    /** The text speaks of self-harm, violence or a mass gathering. */
    RISK_WORDS,
    /** A supervision order's time limit is near or passed. */
    SUPERVISION_DUE,
    /** Anything else; the reason says what. */
    OTHER
}
