package org.reception.cases.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AccessTypesTest {

    @Test
    void realmRolesBecomeGrantsAndOtherRolesAreIgnored() {
        Caller caller = Caller.of("wang", List.of("clerk:520102", "unit:520102-GAJ", "auditor", "viewer", "clerk",
                "clerk:5201x", "supervisor:5201", "unit:GAJ"));
        assertEquals(4, caller.grants().size(), caller.grants().toString());
        assertTrue(caller.covers(Role.CLERK, "520102"));
        assertFalse(caller.covers(Role.CLERK, "520103"));
        assertTrue(caller.covers(Role.SUPERVISOR, "520123"));
        assertFalse(caller.covers(Role.SUPERVISOR, "520201"));
        assertEquals("5201", Jurisdictions.prefix("520100"));
        assertEquals("52", Jurisdictions.prefix("520000"));
        assertEquals("520102", Jurisdictions.divisionOfUnit("520102-GAJ"));
    }

    @Test
    void basicCredentialsAreReadAsUtf8AndMalformedHeadersAreNone() {
        String header = "Basic " + Base64.getEncoder().encodeToString("王五:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(new BasicCredentials("王五", "pa:ss")), BasicCredentials.parse(header));
        assertEquals(Optional.empty(), BasicCredentials.parse("Bearer abc"));
        assertEquals(Optional.empty(), BasicCredentials.parse("Basic !!!"));
        assertEquals(Optional.empty(), BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {
            (byte) 0xC3, 0x28, ':', 'x'})), "invalid UTF-8");
        assertEquals(Optional.empty(), BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8))));
    }
}
