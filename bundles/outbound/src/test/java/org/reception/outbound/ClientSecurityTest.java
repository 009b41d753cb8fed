package org.reception.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSecurityTest {

    @TempDir
    Path etc;

    @Test
    void anonymousPlainHttpNeedsNothing() throws Exception {
        ClientSecurity security = ClientSecurity.read(config(CountySystemConfig.Authentication.NONE, "", "", "", "", ""), etc);
        assertNull(security.authorization());
        assertNull(security.tls());
    }

    @Test
    void basicTakesThePasswordFromItsFileAndBearerTheToken() throws Exception {
        Files.writeString(etc.resolve("county.password"), "s3cret-密码\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("county.token"), "eyJhbGciOi.token\n", StandardCharsets.UTF_8);

        ClientSecurity basic = ClientSecurity.read(config(CountySystemConfig.Authentication.BASIC, "reception",
                "county.password", "", "", ""), etc);
        assertEquals("reception", basic.authorization().getUserName());
        assertEquals("s3cret-密码", basic.authorization().getPassword());

        ClientSecurity bearer = ClientSecurity.read(config(CountySystemConfig.Authentication.BEARER, "", "",
                "county.token", "", ""), etc);
        assertEquals("Bearer", bearer.authorization().getAuthorizationType());
        assertEquals("eyJhbGciOi.token", bearer.authorization().getAuthorization());
    }

    @Test
    void aMissingOrEmptyFileIsSaidClearly() throws Exception {
        ClientSecurity.Unusable missing = assertThrows(ClientSecurity.Unusable.class, () -> ClientSecurity.read(
                config(CountySystemConfig.Authentication.BASIC, "reception", "county.password", "", "", ""), etc));
        assertEquals("passwordFile " + etc.resolve("county.password") + " does not exist", missing.getMessage());
        Files.writeString(etc.resolve("county.token"), "\n");
        ClientSecurity.Unusable empty = assertThrows(ClientSecurity.Unusable.class, () -> ClientSecurity.read(
                config(CountySystemConfig.Authentication.BEARER, "", "", "county.token", "", ""), etc));
        assertEquals("tokenFile " + etc.resolve("county.token") + " is empty", empty.getMessage());
        assertEquals("authentication = BASIC needs user", assertThrows(ClientSecurity.Unusable.class,
                () -> ClientSecurity.read(config(CountySystemConfig.Authentication.BASIC, " ", "x", "", "", ""), etc))
                .getMessage());
        assertTrue(assertThrows(ClientSecurity.Unusable.class, () -> ClientSecurity.read(
                config(CountySystemConfig.Authentication.NONE, "", "", "", "", "county-trust.p12"), etc))
                .getMessage().startsWith("trustStore " + etc.resolve("county-trust.p12")));
    }

    @Test
    void aTrustStoreIsOpenedWithItsPasswordAndAWrongOneIsSaid() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(etc.resolve("county-trust.p12"))) {
            store.store(out, "trust-pw".toCharArray());
        }
        Files.writeString(etc.resolve("county-trust.password"), "trust-pw\n");
        ClientSecurity security = ClientSecurity.read(config(CountySystemConfig.Authentication.NONE, "", "", "", "",
                "county-trust.p12", "county-trust.password"), etc);
        assertNotNull(security.tls().getTrustManagers());

        Files.writeString(etc.resolve("county-trust.password"), "wrong\n");
        ClientSecurity.Unusable wrong = assertThrows(ClientSecurity.Unusable.class, () -> ClientSecurity.read(
                config(CountySystemConfig.Authentication.NONE, "", "", "", "", "county-trust.p12", "county-trust.password"), etc));
        assertTrue(wrong.getMessage().startsWith("trustStore " + etc.resolve("county-trust.p12") + " cannot be opened as PKCS12"),
                wrong.getMessage());
    }

    private static CountySystemConfig config(CountySystemConfig.Authentication authentication, String user,
                                             String passwordFile, String tokenFile, String keyStore, String trustStore) {
        return config(authentication, user, passwordFile, tokenFile, keyStore, trustStore, "");
    }

    private static CountySystemConfig config(CountySystemConfig.Authentication authentication, String user,
                                             String passwordFile, String tokenFile, String keyStore, String trustStore,
                                             String trustStorePasswordFile) {
        return new CountySystemConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CountySystemConfig.class;
            }

            @Override
            public String destination() {
                return "520102";
            }

            @Override
            public Protocol protocol() {
                return Protocol.REST;
            }

            @Override
            public String url() {
                return "https://county.example:8443/cases";
            }

            @Override
            public int timeoutSeconds() {
                return 10;
            }

            @Override
            public Authentication authentication() {
                return authentication;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String passwordFile() {
                return passwordFile;
            }

            @Override
            public String tokenFile() {
                return tokenFile;
            }

            @Override
            public String keyStore() {
                return keyStore;
            }

            @Override
            public String keyStorePasswordFile() {
                return "";
            }

            @Override
            public String trustStore() {
                return trustStore;
            }

            @Override
            public String trustStoreType() {
                return "PKCS12";
            }

            @Override
            public String trustStorePasswordFile() {
                return trustStorePasswordFile;
            }
        };
    }
}
