package org.reception.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.access.AccountAdministration;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.Caller;
import org.reception.cases.access.SignInThrottled;

/**
 * Checks passwords against a JAAS realm (Karaf's {@code karaf} realm by default, whose passwords are
 * stored hashed). A password the realm accepted is trusted for a few seconds, so that a county
 * system sending thousands of requests does not pay a password hash for each; what is remembered
 * is a keyed hash of the credentials, never the password. Refusals are never remembered; instead
 * failed sign-ins are counted per address and per account and address ({@link SignInThrottle}),
 * which delays guessing without locking an account's owner out, and at most two passwords are
 * hashed at once, so that guessing costs the guesser time and never the platform its cores. A
 * refusal takes as long as checking a real account's password does, whether the account exists or
 * not, so that the answer's time does not tell which names exist. Failures and delays go to the
 * security log ({@code org.reception.security}). Requests that arrive with the same credentials
 * while these are being checked wait for that one check, and in the last fifth of the trust one
 * request checks the password again while the others go on: a busy county system's requests cost
 * one password hash per trust period, and none of them waits for it.
 */
@Component(service = {Authenticator.class, AccountAdministration.class}, configurationPid = AccessConfig.PID)
@Designate(ocd = AccessConfig.class)
public final class JaasAuthenticator implements Authenticator, AccountAdministration {

    private static final Logger LOG = LogManager.getLogger(JaasAuthenticator.class);
    /** The security log: failed and throttled sign-ins, with the account and the address. */
    private static final Logger SECURITY = LogManager.getLogger("org.reception.security");
    /** What a password check is taken to cost until one has been measured. */
    static final long FIRST_CHECK_ESTIMATE_NANOS = 100_000_000L;
    private static final int MAX_NAME = 100;
    private static final int MAX_PASSWORD = 200;
    private static final int MAX_TRUSTED = 10_000;
    private static final int CONCURRENT_CHECKS = 2;
    /** {@code ProxyLoginModule.PROPERTY_MODULE}: the login module a realm entry of Karaf's stands for. */
    private static final String PROXIED_MODULE = "org.apache.karaf.jaas.module";
    private static final long CHECK_WAIT_SECONDS = 5;

    /** Trusted until {@code until}; from {@code renewFrom} on, one request checks the password again. */
    private record Trusted(Caller caller, long renewFrom, long until) {
    }

    /** Asks the realm: the caller of the account, or empty if the realm refuses it. */
    interface Realm {
        Optional<Caller> login(String realmName, String name, String password);
    }

    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();
    private final SignInThrottle throttle = new SignInThrottle();
    /** A moving average of what checking a real account's password takes; refusals last as long. */
    private volatile long checkNanos;
    private final Map<String, CompletableFuture<Optional<Caller>>> checking = new ConcurrentHashMap<>();
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS);
    private final SecretKeySpec credentialKey;
    private final Realm realmLogin;
    private final LongSupplier nanoTime;
    private volatile String realm;
    private volatile long trustNanos;

    /** The realms Karaf configures ({@code karaf} and any other), for their backing engines. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<JaasRealm> realms = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BackingEngineFactory> engineFactories = List.of();

    /** Accounts are managed in the realm passwords are checked against; a change forgets every trusted sign-in. */
    private final RealmAccounts accounts = new RealmAccounts(this::backingEngine, trusted::clear);

    @Activate
    public JaasAuthenticator(AccessConfig config) {
        this(config, JaasAuthenticator::login, System::nanoTime, FIRST_CHECK_ESTIMATE_NANOS);
    }

    /** @param firstCheckEstimate what a password check is taken to cost until one is measured, in nanoseconds */
    JaasAuthenticator(AccessConfig config, Realm realmLogin, LongSupplier nanoTime, long firstCheckEstimate) {
        this.checkNanos = firstCheckEstimate;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        credentialKey = new SecretKeySpec(key, "HmacSHA256");
        this.realmLogin = realmLogin;
        this.nanoTime = nanoTime;
        modified(config);
    }

    @Modified
    void modified(AccessConfig config) {
        realm = config.realm();
        trustNanos = Math.max(0, config.trustSeconds()) * 1_000_000_000L;
        trusted.clear();
    }

    @Override
    public Optional<Caller> authenticate(String name, String password, String address) {
        if (name == null || password == null || name.isEmpty() || name.length() > MAX_NAME
                || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        String credentials = fingerprint(name, password);
        long now = nanoTime.getAsLong();
        Trusted known = trusted.get(credentials);
        if (known != null && now - known.renewFrom() < 0) {
            return Optional.of(known.caller());
        }
        boolean stillTrusted = known != null && now - known.until() < 0;
        CompletableFuture<Optional<Caller>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Caller>> running = checking.putIfAbsent(credentials, mine);
        if (running != null) {
            // While one request renews the trust, the others keep it and do not wait.
            return stillTrusted ? Optional.of(known.caller()) : await(running);
        }
        try {
            Trusted justChecked = trusted.get(credentials);
            boolean renewedMeanwhile = justChecked != null && justChecked != known && now - justChecked.until() < 0;
            Optional<Caller> caller = renewedMeanwhile ? Optional.of(justChecked.caller())
                    : checkAndRemember(name, password, address, credentials, now);
            mine.complete(caller);
            return caller;
        } catch (ServiceUnavailable busy) {
            if (stillTrusted) {
                mine.complete(Optional.of(known.caller()));
                return Optional.of(known.caller());
            }
            mine.completeExceptionally(busy);
            throw busy;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(credentials, mine);
        }
    }

    private Optional<Caller> checkAndRemember(String name, String password, String address, String credentials,
                                              long now) {
        long wait = throttle.waitSeconds(name, address, now);
        if (wait > 0) {
            // Said once when the delay begins (below): a guesser's flood of refused tries must not
            // flood the security log and rotate the evidence away.
            SECURITY.debug("Sign-in of account '{}' from {} refused for {} s more", printable(name), address, wait);
            throw new SignInThrottled(wait);
        }
        long started = System.nanoTime();
        Optional<Caller> caller = check(name, password);
        long took = System.nanoTime() - started;
        if (caller.isPresent()) {
            throttle.succeeded(name, address, now);
            checkNanos = checkNanos - checkNanos / 8 + took / 8;
            if (trustNanos > 0) {
                if (trusted.size() >= MAX_TRUSTED) {
                    trusted.clear();
                }
                trusted.put(credentials, new Trusted(caller.get(), now + trustNanos / 5 * 4, now + trustNanos));
            }
        } else {
            trusted.remove(credentials);
            throttle.failed(name, address, now);
            SECURITY.info("Sign-in of account '{}' from {} refused", printable(name), address);
            long delay = throttle.waitSeconds(name, address, now);
            if (delay > 0) {
                SECURITY.warn("Sign-ins of account '{}' from {} delayed {} s after {} failure(s) from that address",
                        printable(name), address, delay, throttle.failuresOf(address));
            }
            // A wrong password is refused after its hash, an unknown name at once: the latter waits
            // as long as a hash takes, measured on real hashes (every check that took at least half
            // of it), so that the time of a refusal does not tell which names exist.
            long estimate = checkNanos;
            if (took >= estimate / 2) {
                checkNanos = estimate - estimate / 8 + took / 8;
            } else {
                LockSupport.parkNanos(estimate - took);
            }
        }
        return caller;
    }

    /** An account name as the log may show it: no control characters, nothing to forge a line with. */
    private static String printable(String name) {
        return name.replaceAll("[^\\x20-\\x7E\\u4E00-\\u9FFF]", "?");
    }

    private static Optional<Caller> await(CompletableFuture<Optional<Caller>> running) {
        try {
            return running.get(CHECK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while waiting to check a password");
        } catch (TimeoutException e) {
            throw new ServiceUnavailable("too many sign-ins at once; try again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ServiceUnavailable("the password could not be checked");
        }
    }

    private Optional<Caller> check(String name, String password) {
        try {
            if (!checks.tryAcquire(CHECK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ServiceUnavailable("too many sign-ins at once; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while waiting to check a password");
        }
        try {
            return realmLogin.login(realm, name, password);
        } finally {
            checks.release();
        }
    }

    @Override
    public List<Account> list(Caller caller) {
        return accounts.list(caller);
    }

    @Override
    public Account create(Caller caller, String name, String password, List<String> roles) {
        return accounts.create(caller, name, password, roles);
    }

    @Override
    public Account grant(Caller caller, String name, String role) {
        return accounts.grant(caller, name, role);
    }

    @Override
    public Account revoke(Caller caller, String name, String role) {
        return accounts.revoke(caller, name, role);
    }

    @Override
    public void resetPassword(Caller caller, String name, String password) {
        accounts.resetPassword(caller, name, password);
    }

    @Override
    public void delete(Caller caller, String name) {
        accounts.delete(caller, name);
    }

    @Override
    public long revision(String name) {
        return accounts.revision(name);
    }

    /** The backing engine of the configured realm's first login module that has one (Karaf's properties file). */
    private Optional<BackingEngine> backingEngine() {
        String name = realm;
        for (JaasRealm candidate : realms) {
            if (!candidate.getName().equals(name)) {
                continue;
            }
            for (AppConfigurationEntry entry : candidate.getEntries()) {
                // Karaf wraps each module of a realm in its ProxyLoginModule, naming the real one in an option.
                Object module = entry.getOptions().get(PROXIED_MODULE);
                String moduleClass = module instanceof String named ? named : entry.getLoginModuleName();
                for (BackingEngineFactory factory : engineFactories) {
                    if (factory.getModuleClass().equals(moduleClass)) {
                        return Optional.ofNullable(factory.build(entry.getOptions()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Caller> login(String realm, String name, String password) {
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
            LOG.debug("Sign-in refused by the realm: {}", refused.getMessage());
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
            // Length-prefixed, so that no two (name, password) pairs make the same input.
            byte[] digest = mac.doFinal((name.length() + ":" + name + password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
