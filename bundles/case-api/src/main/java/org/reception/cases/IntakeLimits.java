package org.reception.cases;

/**
 * The limits of a petition at intake, the same on every face: the platform's validation, the REST
 * API's OpenAPI document and the SOAP contract's schema are all held to these numbers.
 */
public final class IntakeLimits {

    public static final int TITLE_LENGTH = 200;
    public static final int CONTENT_LENGTH = 20_000;
    public static final int PETITIONERS = 500;
    public static final int NAME_LENGTH = 50;
    public static final int ADDRESS_LENGTH = 300;
    public static final int ACCUSED = 50;
    public static final int ACCUSED_LENGTH = 200;
    public static final String PHONE_PATTERN = "\\+?[0-9][0-9 -]{4,19}";
    /** A registration number: the division code, the year, the number in that year's sequence. */
    public static final String REGISTRATION_NUMBER_PATTERN = "\\d{6}-\\d{4}-\\d{6}";
    public static final String JURISDICTION_PATTERN = "\\d{6}";

    private IntakeLimits() {
    }
}
