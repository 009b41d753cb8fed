package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** The petitioner's evaluation of how the petition was handled (Art. 21). */
@Schema(enumAsRef = true)
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}
