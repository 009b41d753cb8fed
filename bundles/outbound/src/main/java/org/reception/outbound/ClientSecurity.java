package org.reception.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.AuthorizationPolicy;

/**
 * How the platform signs in to one county system and which TLS it speaks, read from the files its
 * configuration names (relative to {@code etc/}): the HTTP Basic password or the bearer token, the
 * client certificate's PKCS12 key store, the trust store. Read again for every delivery, so that a
 * file written or replaced after the configuration applies without touching it.
 *
 * @param authorization for CXF's HTTP conduit; {@code null} when the system takes anonymous calls
 * @param tls for CXF's HTTP conduit; {@code null} for the JVM's defaults
 */
record ClientSecurity(AuthorizationPolicy authorization, TLSClientParameters tls) {

    /** A file named by the configuration is missing, unreadable or wrong: the deliveries wait. */
    static final class Unusable extends IOException {

        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    static ClientSecurity read(CountySystemConfig config, Path etc) throws Unusable {
        return new ClientSecurity(authorization(config, etc), tls(config, etc));
    }

    private static AuthorizationPolicy authorization(CountySystemConfig config, Path etc) throws Unusable {
        switch (config.authentication()) {
            case BASIC -> {
                if (config.user().isBlank()) {
                    throw new Unusable("authentication = BASIC needs user");
                }
                AuthorizationPolicy basic = new AuthorizationPolicy();
                basic.setAuthorizationType("Basic");
                basic.setUserName(config.user().strip());
                basic.setPassword(secret("passwordFile", config.passwordFile(), etc));
                return basic;
            }
            case BEARER -> {
                AuthorizationPolicy bearer = new AuthorizationPolicy();
                bearer.setAuthorizationType("Bearer");
                bearer.setAuthorization(secret("tokenFile", config.tokenFile(), etc));
                return bearer;
            }
            default -> {
                return null;
            }
        }
    }

    private static TLSClientParameters tls(CountySystemConfig config, Path etc) throws Unusable {
        if (config.keyStore().isBlank() && config.trustStore().isBlank()) {
            return null;
        }
        TLSClientParameters tls = new TLSClientParameters();
        // The host name is always checked against the county's certificate.
        tls.setDisableCNCheck(false);
        try {
            if (!config.keyStore().isBlank()) {
                char[] password = secret("keyStorePasswordFile", config.keyStorePasswordFile(), etc).toCharArray();
                KeyStore keys = load("keyStore", config.keyStore(), "PKCS12", password, etc);
                KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                managers.init(keys, password);
                tls.setKeyManagers(managers.getKeyManagers());
            }
            if (!config.trustStore().isBlank()) {
                char[] password = config.trustStorePasswordFile().isBlank() ? null
                        : secret("trustStorePasswordFile", config.trustStorePasswordFile(), etc).toCharArray();
                KeyStore trusted = load("trustStore", config.trustStore(), config.trustStoreType().strip(), password, etc);
                TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                managers.init(trusted);
                tls.setTrustManagers(managers.getTrustManagers());
            }
        } catch (GeneralSecurityException e) {
            throw new Unusable("the TLS settings cannot be used: " + e.getMessage());
        }
        return tls;
    }

    private static KeyStore load(String key, String file, String type, char[] password, Path etc) throws Unusable {
        Path path = etc.resolve(file.strip());
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new Unusable(key + " " + path + " does not exist");
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException whose cause says so.
            Throwable cause = e.getCause() instanceof java.security.UnrecoverableKeyException ? e.getCause() : e;
            throw new Unusable(key + " " + path + " cannot be opened as " + type + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }

    /** The first line of a file, as a password or token is kept: alone, perhaps with a line end. */
    private static String secret(String key, String file, Path etc) throws Unusable {
        if (file.isBlank()) {
            throw new Unusable(key + " is not set");
        }
        Path path = etc.resolve(file.strip());
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new Unusable(key + " " + path + " does not exist");
        } catch (IOException e) {
            throw new Unusable(key + " " + path + " cannot be read: " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw new Unusable(key + " " + path + " is empty");
        }
        return text.lines().findFirst().orElseThrow();
    }
}
