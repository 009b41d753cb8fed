package org.reception.cases;

/** The petitioner's evaluation of how the petition was handled (Art. 21). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}
