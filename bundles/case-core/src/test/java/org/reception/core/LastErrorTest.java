package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.reception.cases.spi.DeliveryRefused;

class LastErrorTest {

    @Test
    void anAdaptersOwnWordsAreKept() {
        assertEquals("county.example:8443: connection refused",
                LastError.of(new IOException("county.example:8443: connection refused", new ConnectException())));
        assertEquals("SOAP accepted=false: 单位不存在", LastError.of(new DeliveryRefused("SOAP accepted=false: 单位不存在")));
    }

    @Test
    void aFailureWithoutAMessageIsNamedNeverAsNull() {
        assertEquals("connect exception", LastError.of(new ConnectException()));
        assertEquals("connect exception", LastError.of(new ConnectException("null")));
        assertEquals("Connection refused", LastError.of(new IllegalStateException(null, new ConnectException("Connection refused"))));
        assertEquals("failed", LastError.of(null));
    }

    @Test
    void longAnswersAreCutAndKeptOnOneLine() {
        String error = LastError.of(new IOException("HTTP 500:\n" + "x".repeat(5_000)));
        assertEquals(LastError.MAX_LENGTH, error.length());
        assertTrue(error.startsWith("HTTP 500: xxx"), error);
        assertTrue(error.endsWith("…"), error);
    }
}
