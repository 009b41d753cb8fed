package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.reception.cases.Petitioner;

class RedactionTest {

    private static final Petitioner ZHANG = new Petitioner("张三", "11010519491231002X", "13800001234", "贵阳市南明区", true);

    @Test
    void identityNumbersAndPhonesAreAlwaysMasked() {
        assertEquals(new Petitioner("张三", "110105********002X", "138****1234", "贵阳市南明区", true),
                Redaction.mask(ZHANG, false));
    }

    @Test
    void namesAndAddressesAreMaskedWhenThePetitionersAskForConfidentiality() {
        assertEquals(new Petitioner("张*", "110105********002X", "138****1234", "***", true), Redaction.mask(ZHANG, true));
        assertEquals("欧***", Redaction.name("欧阳娜娜"));
        assertEquals("*****", Redaction.keepEnds("12345", 3, 4));
    }
}
