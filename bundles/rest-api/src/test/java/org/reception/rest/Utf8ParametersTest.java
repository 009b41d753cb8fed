package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Utf8ParametersTest {

    @Test
    void percentEscapesMustSpellUtf8() {
        assertTrue(Utf8Parameters.decodesAsUtf8(null));
        assertTrue(Utf8Parameters.decodesAsUtf8("q=%E5%BE%81%E5%9C%B0&size=20"));
        assertTrue(Utf8Parameters.decodesAsUtf8("/api/v1/petitions/abc"));
        assertFalse(Utf8Parameters.decodesAsUtf8("q=%C3%28"), "a broken two-byte sequence");
        assertFalse(Utf8Parameters.decodesAsUtf8("q=%FF"));
        assertFalse(Utf8Parameters.decodesAsUtf8("q=%E5%BE"), "cut short");
        assertFalse(Utf8Parameters.decodesAsUtf8("q=%G1"));
        assertFalse(Utf8Parameters.decodesAsUtf8("q=%4"));
    }
}
