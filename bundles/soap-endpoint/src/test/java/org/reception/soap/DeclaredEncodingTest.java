package org.reception.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DeclaredEncodingTest {

    private static final String ENVELOPE = "<?xml version=\"1.0\"?><soap:Envelope/>";

    @Test
    void aByteOrderMarkOrTheBytesOfUtf16TellTheEncoding() {
        assertEquals("UTF-16", DeclaredEncoding.encoding(head(ENVELOPE.getBytes(StandardCharsets.UTF_16))));
        assertEquals("UTF-16BE", DeclaredEncoding.encoding(head(ENVELOPE.getBytes(StandardCharsets.UTF_16BE))));
        assertEquals("UTF-16LE", DeclaredEncoding.encoding(head(ENVELOPE.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals("UTF-16LE", DeclaredEncoding.encoding(head("<soap:Envelope/>".getBytes(StandardCharsets.UTF_16LE))));
        assertEquals("UTF-8", DeclaredEncoding.encoding(head(("\uFEFF" + ENVELOPE).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void otherwiseTheHeaderDecides() {
        assertNull(DeclaredEncoding.encoding(head(ENVELOPE.getBytes(StandardCharsets.UTF_8))));
        assertNull(DeclaredEncoding.encoding(head("<soap:Envelope/>".getBytes(StandardCharsets.ISO_8859_1))));
        assertNull(DeclaredEncoding.encoding(new byte[0]));
    }

    private static byte[] head(byte[] bytes) {
        return Arrays.copyOf(bytes, Math.min(4, bytes.length));
    }
}
