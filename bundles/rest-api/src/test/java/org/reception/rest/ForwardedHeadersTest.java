package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The node of a forwarded client as RFC 7239 and X-Forwarded-For write it, reduced to its address. */
class ForwardedHeadersTest {

    @Test
    void aNodeIsReadAsItsAddressAlone() {
        assertEquals("192.0.2.60", ForwardedHeaders.address("192.0.2.60"));
        assertEquals("192.0.2.60", ForwardedHeaders.address(" 192.0.2.60:4711 "));
        assertEquals("2001:db8:cafe::17", ForwardedHeaders.address("[2001:db8:cafe::17]:4711"));
        assertEquals("2001:db8:cafe::17", ForwardedHeaders.address("2001:db8:cafe::17"));
        assertEquals("unknown", ForwardedHeaders.address("unknown"));
        assertEquals("", ForwardedHeaders.address("[2001:db8"));
    }

    @Test
    void aListSettingIsReadEntryByEntry() {
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), RestServer.listed(new String[] {" 10.0.0.5, 10.0.0.6 ", ""}));
        assertEquals(Set.of(), RestServer.listed(null));
    }
}
