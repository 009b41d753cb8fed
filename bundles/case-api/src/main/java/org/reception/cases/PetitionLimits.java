package org.reception.cases;

/**
 * How large a petition may be, on every face alike: the intake checks these, and the SOAP schema
 * states the same numbers (a test compares them), so that no face takes what another refuses.
 * Lengths are in characters.
 */
public final class PetitionLimits {

    public static final int TITLE_LENGTH = 200;
    public static final int CONTENT_LENGTH = 20_000;
    public static final int PETITIONERS = 500;
    public static final int NAME_LENGTH = 50;
    public static final int ADDRESS_LENGTH = 300;
    /** A phone number: 5 to 20 digits, spaces or dashes, with a leading {@code +}; the same text is a Java and an XML Schema pattern. */
    public static final String PHONE_PATTERN = "\\+?[0-9][0-9 \\-]{4,19}";
    public static final int ACCUSED = 50;
    public static final int ACCUSED_LENGTH = 200;
    public static final int LINKED_PETITIONS = 20;
    /** A reply, an answer to a review: the free text of a step. */
    public static final int TEXT_LENGTH = 20_000;
    /** A registration number: the division code, the year, the number in that year's sequence. */
    public static final String REGISTRATION_NUMBER_PATTERN = "\\d{6}-\\d{4}-\\d{6}";
    /** The county a petition concerns: a 6-digit division code. */
    public static final String JURISDICTION_PATTERN = "\\d{6}";

    private PetitionLimits() {
    }
}
