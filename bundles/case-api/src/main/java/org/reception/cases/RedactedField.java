package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** The parts of a case a confidentiality decision may withhold from readers outside its circle. */
@Schema(enumAsRef = true)
public enum RedactedField {
    PETITIONER_NAME,
    RESIDENT_ID,
    PHONE,
    ADDRESS,
    /** The text of the petition. */
    CONTENT,
    /** Who is accused. */
    ACCUSED
}
