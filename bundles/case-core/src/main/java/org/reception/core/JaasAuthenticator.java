package org.reception.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.Caller;

/**
 * Checks passwords against a JAAS realm (Karaf's {@code karaf} realm by default, whose passwords are
 * stored hashed). A password the realm accepted is trusted for a few seconds, so that a county
 * system sending thousands of requests does not pay a password hash for each; what is remembered
 * is a keyed hash of the credentials, never the password. Refusals are never remembered.
 */
@Component(service = Authenticator.class, configurationPid = AccessConfig.PID)
@Designate(ocd = AccessConfig.class)
public final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LogManager.getLogger(JaasAuthenticator.class);
    private static final int MAX_NAME = 100;
    private static final int MAX_PASSWORD = 200;
    private static final int MAX_TRUSTED = 10_000;

    private record Trusted(Caller caller, long until) {
    }

    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();
    private final SecretKeySpec credentialKey;
    private volatile String realm;
    private volatile long trustNanos;

    @Activate
    public JaasAuthenticator(AccessConfig config) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        credentialKey = new SecretKeySpec(key, "HmacSHA256");
        modified(config);
    }

    @Modified
    void modified(AccessConfig config) {
        realm = config.realm();
        trustNanos = Math.max(0, config.trustSeconds()) * 1_000_000_000L;
        trusted.clear();
    }

    @Override
    public Optional<Caller> authenticate(String name, String password) {
        if (name == null || password == null || name.isEmpty() || name.length() > MAX_NAME
                || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        String credentials = fingerprint(name, password);
        long now = System.nanoTime();
        Trusted known = trusted.get(credentials);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.caller());
        }
        Optional<Caller> caller = login(name, password);
        caller.ifPresentOrElse(found -> {
            if (trustNanos > 0) {
                if (trusted.size() >= MAX_TRUSTED) {
                    trusted.clear();
                }
                trusted.put(credentials, new Trusted(found, now + trustNanos));
            }
        }, () -> trusted.remove(credentials));
        return caller;
    }

    private Optional<Caller> login(String name, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, callbacks -> answer(callbacks, name, password));
            context.login();
            Caller caller = Caller.of(context.getSubject());
            context.logout();
            return caller.anonymous() ? Optional.empty() : Optional.of(caller);
        } catch (LoginException refused) {
            LOG.info("Sign-in refused for account '{}': {}", name.replaceAll("[^\\x20-\\x7E\\u4E00-\\u9FFF]", "?"),
                    refused.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String name, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback nameCallback) {
                nameCallback.setName(name);
            } else if (callback instanceof PasswordCallback passwordCallback) {
                passwordCallback.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private String fingerprint(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(credentialKey);
            byte[] digest = mac.doFinal((name + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
