package org.reception.cases.access;

import java.util.Locale;

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

    /**
     * A unit code in the one form the platform keeps: stripped, the department's short code in
     * capitals, the division's code as {@link #prefix} writes it ({@code 520000-gat} is
     * {@code 52-GAT}). What does not look like a unit code comes back only stripped.
     */
    public static String canonicalUnit(String unitCode) {
        if (unitCode == null) {
            return null;
        }
        String stripped = unitCode.strip();
        int dash = stripped.indexOf('-');
        if (dash <= 0 || !stripped.substring(0, dash).matches("\\d{2}|\\d{4}|\\d{6}")) {
            return stripped;
        }
        return prefix(stripped.substring(0, dash)) + "-" + stripped.substring(dash + 1).toUpperCase(Locale.ROOT);
    }

    /** Whether two unit codes name the same unit, whatever form each is written in. */
    public static boolean sameUnit(String a, String b) {
        return a != null && b != null && canonicalUnit(a).equals(canonicalUnit(b));
    }

    /** The county (or city district) a unit code such as {@code 520102-GAJ} belongs to. */
    public static String divisionOfUnit(String unitCode) {
        int dash = unitCode.indexOf('-');
        return dash < 0 ? unitCode : unitCode.substring(0, dash);
    }
}
