package org.reception.cases.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.Settings;

/** Forwarded headers are believed from the named proxies only, and read as RFC 7239 and the X- headers write them. */
class ForwardedRequestTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.5", "10.0.0.6");

    @Test
    void fromAnyoneButATrustedProxyTheHeadersAreIgnored() {
        Map<String, String> headers = Map.of("X-Forwarded-For", "192.0.2.1", "X-Forwarded-Host", "evil.example");
        assertNull(ForwardedRequest.of("192.0.2.99", PROXIES, headers::get));
        assertEquals("192.0.2.99", ForwardedRequest.clientAddress("192.0.2.99", PROXIES, headers::get));
        assertNull(ForwardedRequest.of("10.0.0.5", Set.of(), headers::get), "none is trusted by default");
    }

    @Test
    void theClientIsTheNearestAddressThatIsNotOneOfOurProxiesAndTheNearestProxyNamesSchemeAndHost() {
        Map<String, String> chained = Map.of("X-Forwarded-For", "203.0.113.7, 192.0.2.1, 10.0.0.6",
                "X-Forwarded-Proto", "http, https", "X-Forwarded-Host", "evil.example, reception.example.gov.cn");
        assertEquals(new ForwardedRequest("192.0.2.1", "https", "reception.example.gov.cn"),
                ForwardedRequest.of("10.0.0.5", PROXIES, chained::get),
                "what the client wrote before the first proxy is its own claim, not believed");
    }

    @Test
    void aClientsOwnForwardedHeaderIsNotBelieved() {
        Map<String, String> headers = Map.of("Forwarded", "for=198.51.100.77;host=evil.example",
                "X-Forwarded-For", "192.0.2.1");
        assertEquals(new ForwardedRequest("192.0.2.1", null, null), ForwardedRequest.of("10.0.0.5", PROXIES, headers::get),
                "proxies that keep X-Forwarded-For pass a client's Forwarded on untouched");
        Map<String, String> odd = Map.of("X-Forwarded-Proto", "gopher", "X-Forwarded-Host", "a b");
        assertEquals(new ForwardedRequest(null, null, null), ForwardedRequest.of("10.0.0.5", PROXIES, odd::get),
                "a scheme other than http(s) or a host that is not one is not taken");
    }

    @Test
    void anIpv6ProxyIsKnownHoweverItsAddressIsWritten() {
        Map<String, String> headers = Map.of("X-Forwarded-For", "2001:db8::17");
        assertEquals("2001:db8::17", ForwardedRequest.clientAddress("[0:0:0:0:0:0:0:1]", Set.of("::1"), headers::get),
                "a servlet container writes the peer bracketed and uncompressed");
        assertEquals("192.0.2.1", ForwardedRequest.clientAddress("192.0.2.1", Set.of("::1"), headers::get));
        assertEquals("2001:db8::17", ForwardedRequest.clientAddress("2001:db8:0:0:0:0:0:5",
                Set.of("2001:db8::5"), headers::get));
    }

    @Test
    void aNodeIsReadAsItsAddressAlone() {
        assertEquals("192.0.2.60", ForwardedRequest.address(" 192.0.2.60:4711 "));
        assertEquals("2001:db8:cafe::17", ForwardedRequest.address("2001:db8:cafe::17"));
        assertEquals("", ForwardedRequest.address("[2001:db8"));
    }

    @Test
    void aListSettingIsReadEntryByEntry() {
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), Settings.listed(new String[] {" 10.0.0.5, 10.0.0.6 ", ""}));
        assertEquals(Set.of(), Settings.listed(null));
    }
}
