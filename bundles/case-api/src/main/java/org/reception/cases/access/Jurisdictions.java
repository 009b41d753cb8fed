package org.reception.cases.access;

/** Division codes as subtrees: a province's code covers its cities, a city's its counties. */
public final class Jurisdictions {

    private Jurisdictions() {
    }

    /**
     * The prefix every code below a division starts with: {@code 520000} and {@code 52} give
     * {@code 52}, {@code 520100} and {@code 5201} give {@code 5201}, a county's code gives itself.
     */
    public static String prefix(String divisionCode) {
        if (divisionCode.length() < 6) {
            return divisionCode;
        }
        if (divisionCode.endsWith("0000")) {
            return divisionCode.substring(0, 2);
        }
        if (divisionCode.endsWith("00")) {
            return divisionCode.substring(0, 4);
        }
        return divisionCode;
    }

    /** The county (or city district) a unit code such as {@code 520102-GAJ} belongs to. */
    public static String divisionOfUnit(String unitCode) {
        int dash = unitCode.indexOf('-');
        return dash < 0 ? unitCode : unitCode.substring(0, dash);
    }
}
