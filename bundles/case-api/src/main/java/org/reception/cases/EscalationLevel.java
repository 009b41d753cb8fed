package org.reception.cases;

/** The level a case is reported up to. */
public enum EscalationLevel {
    /** The prefecture-level city's petition bureau (市信访局). */
    CITY,
    /** The province's petition bureau (省信访局). */
    PROVINCE,
    /** The National Public Complaints and Proposals Administration (国家信访局). */
    NATIONAL
}
