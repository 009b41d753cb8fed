package org.reception.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The 18-character resident identity number of GB 11643: birth date inside, check digit at the end. */
final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    private ResidentIds() {
    }

    /** The check digit of the first 17 digits of a number: weighted sum modulo 11. */
    static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /** @return what is wrong with the number, or empty if it is valid on {@code today} */
    static Optional<String> problem(String id, LocalDate today) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return Optional.of("must be 17 digits and a check digit (0-9 or X)");
        }
        if (id.charAt(17) != checkDigit(id.substring(0, 17))) {
            return Optional.of("has a wrong check digit");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("holds no valid birth date");
        }
        if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            return Optional.of("holds a birth date outside 1900 to today");
        }
        return Optional.empty();
    }
}
