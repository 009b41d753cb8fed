package org.reception.cases;

/** The parts of a case a confidentiality decision may withhold from readers outside its circle. */
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
