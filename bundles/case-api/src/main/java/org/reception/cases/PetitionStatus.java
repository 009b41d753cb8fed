package org.reception.cases;

/** Where a petition stands in its life (see the lifecycle documentation). */
public enum PetitionStatus {
    /** 登记: registered and routed, not yet disposed by the receiving unit. */
    REGISTERED
}
