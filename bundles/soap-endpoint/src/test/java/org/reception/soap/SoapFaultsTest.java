package org.reception.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoapFaultsTest {

    @Test
    void theServicesFieldsAreNamedAsTheContractsElements() {
        assertEquals("petitioner[0].residentId", SoapFaults.elementPath("petitioners[0].residentId"));
        assertEquals("petitioner", SoapFaults.elementPath("petitioners"));
        assertEquals("linkedPetition[2]", SoapFaults.elementPath("linkedPetitions[2]"));
        assertEquals("reply", SoapFaults.elementPath("text"));
        assertEquals("title", SoapFaults.elementPath("title"));
        assertEquals("textual", SoapFaults.elementPath("textual"));
    }

    @Test
    void aFaultRepeatsNoLongValue() {
        String said = SoapFaults.clip("content: '" + "长".repeat(20_000) + "' is not valid\nat line 1");
        assertEquals(SoapFaults.MOST_ECHOED + 1, said.codePointCount(0, said.length()));
        assertTrue(said.endsWith("…"), said);
        assertEquals("first line", SoapFaults.clip(" first line \n second"));
        assertEquals("", SoapFaults.clip(null));
    }
}
