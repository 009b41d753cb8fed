package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ResidentIdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void acceptsNumbersWhoseCheckDigitMatches() {
        assertTrue(ResidentIds.problem("11010519491231002X", TODAY).isEmpty());
        assertTrue(ResidentIds.problem("520102199003078817", TODAY).isEmpty());
    }

    @Test
    void refusesWrongCheckDigitsImpossibleDatesAndShapes() {
        assertEquals(Optional.of("has a wrong check digit"), ResidentIds.problem("110105194912310021", TODAY));
        assertEquals(Optional.of("holds no valid birth date"), ResidentIds.problem("52010219900230881X", TODAY));
        assertEquals(Optional.of("holds a birth date outside 1900 to today"),
                ResidentIds.problem("52010220300101881X", TODAY));
        assertEquals(Optional.of("must be 17 digits and a check digit (0-9 or X)"),
                ResidentIds.problem("52010219900307881", TODAY));
        assertEquals(Optional.of("must be 17 digits and a check digit (0-9 or X)"),
                ResidentIds.problem("11010519491231002x", TODAY));
    }
}
