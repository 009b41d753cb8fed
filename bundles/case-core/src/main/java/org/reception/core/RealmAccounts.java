package org.reception.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.Forbidden;
import org.reception.cases.Problem;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.Violation;
import org.reception.cases.access.AccountAdministration;
import org.reception.cases.access.AccountRefused;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Grant;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.divisions.Units;

/**
 * The accounts of the realm through its JAAS backing engine, the one Karaf's {@code jaas:*} shell
 * commands use: for the properties realm, {@code etc/users.properties}, passwords hashed as the realm
 * is configured to. Only platform roles are granted here, each checked against the registers of
 * divisions and units; every change goes to the security log with the administrator who made it.
 */
final class RealmAccounts implements AccountAdministration {

    private static final Logger SECURITY = LogManager.getLogger("org.reception.security");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");
    static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 200;
    private static final int MAX_ROLES = 20;

    private final Supplier<Optional<BackingEngine>> engine;
    private final Runnable changed;
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();

    /**
     * @param engine  the realm's backing engine, while its realm and engine factory are there
     * @param changed told after every change, so that remembered sign-ins are checked again
     */
    RealmAccounts(Supplier<Optional<BackingEngine>> engine, Runnable changed) {
        this.engine = engine;
        this.changed = changed;
    }

    @Override
    public List<Account> list(Caller caller) {
        BackingEngine realm = administeredBy(caller);
        return realm.listUsers().stream().map(user -> account(realm, user))
                .sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public synchronized Account create(Caller caller, String name, String password, List<String> roles) {
        BackingEngine realm = administeredBy(caller);
        List<Violation> violations = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            violations.add(new Violation("name", "2 to 50 lower-case letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit"));
        }
        passwordViolation(name, password).ifPresent(violations::add);
        List<String> granted = new ArrayList<>();
        List<String> asked = roles == null ? List.of() : roles;
        if (asked.isEmpty()) {
            violations.add(new Violation("roles", "an account needs at least one role"));
        } else if (asked.size() > MAX_ROLES) {
            violations.add(new Violation("roles", "at most " + MAX_ROLES + " roles"));
        } else {
            for (int i = 0; i < asked.size(); i++) {
                int index = i;
                platformRole(asked.get(i)).ifPresentOrElse(granted::add,
                        () -> violations.add(new Violation("roles[" + index + "]", roleProblem(asked.get(index)))));
            }
        }
        if (!violations.isEmpty()) {
            throw AccountRefused.invalid(violations);
        }
        if (realm.lookupUser(name) != null) {
            throw AccountRefused.conflict("an account named " + name + " exists");
        }
        realm.addUser(name, password);
        for (String role : new LinkedHashSet<>(granted)) {
            realm.addRole(name, role);
        }
        after(name, "created with roles " + granted, caller);
        return account(realm, realm.lookupUser(name));
    }

    @Override
    public synchronized Account grant(Caller caller, String name, String role) {
        BackingEngine realm = administeredBy(caller);
        UserPrincipal user = existing(realm, name);
        String kept = platformRole(role).orElseThrow(() -> AccountRefused.invalid(
                List.of(new Violation("role", roleProblem(role)))));
        if (!roleNames(realm, user).contains(kept)) {
            realm.addRole(name, kept);
            after(name, "granted " + kept, caller);
        }
        return account(realm, user);
    }

    @Override
    public synchronized Account revoke(Caller caller, String name, String role) {
        BackingEngine realm = administeredBy(caller);
        UserPrincipal user = existing(realm, name);
        // Only what this screen grants is taken here: Karaf's own roles (ssh, viewer …) stay the shell's.
        String kept = platformRole(role).orElseThrow(() -> AccountRefused.invalid(
                List.of(new Violation("role", roleProblem(role)))));
        if (!roleNames(realm, user).contains(kept)) {
            throw AccountRefused.conflict(name + " does not hold " + kept);
        }
        if (kept.equals(Role.ADMINISTRATOR.roleName())) {
            keepAnAdministrator(realm, name, caller, "take its admin role");
        }
        realm.deleteRole(name, kept);
        if (roleNames(realm, user).contains(kept)) {
            // Held through a group of the realm (_g_:admingroup), which deleting the account's own role does not touch.
            throw AccountRefused.conflict(name + " holds " + kept + " through a group of the realm; change the group"
                    + " with Karaf's jaas commands");
        }
        after(name, "revoked " + kept, caller);
        return account(realm, user);
    }

    @Override
    public synchronized void resetPassword(Caller caller, String name, String password) {
        BackingEngine realm = administeredBy(caller);
        existing(realm, name);
        passwordViolation(name, password).ifPresent(violation -> {
            throw AccountRefused.invalid(List.of(violation));
        });
        // The properties engine keeps the account's roles when it replaces the password.
        realm.addUser(name, password);
        after(name, "password reset", caller);
    }

    @Override
    public synchronized void delete(Caller caller, String name) {
        BackingEngine realm = administeredBy(caller);
        UserPrincipal user = existing(realm, name);
        if (name.equals(caller.name())) {
            throw AccountRefused.conflict("an administrator does not delete its own account");
        }
        if (roleNames(realm, user).contains(Role.ADMINISTRATOR.roleName())) {
            keepAnAdministrator(realm, name, caller, "be removed");
        }
        realm.deleteUser(name);
        after(name, "deleted", caller);
    }

    /**
     * Refuses a change that would leave the platform without an administrator: the caller's own
     * admin role or account (someone else must do it, so that a slip never locks everyone out), or
     * the last other account holding {@code admin}.
     */
    private static void keepAnAdministrator(BackingEngine realm, String name, Caller caller, String change) {
        if (name.equals(caller.name())) {
            throw AccountRefused.conflict("an administrator does not " + change + " itself; another administrator"
                    + " does, so that the platform never loses its last one by a slip");
        }
        boolean another = realm.listUsers().stream().filter(user -> !user.getName().equals(name))
                .anyMatch(user -> roleNames(realm, user).contains(Role.ADMINISTRATOR.roleName()));
        if (!another) {
            throw AccountRefused.conflict(name + " is the last administrator; it cannot " + change);
        }
    }

    @Override
    public long revision(String name) {
        return revisions.getOrDefault(name, 0L);
    }

    private void after(String name, String what, Caller caller) {
        revisions.merge(name, 1L, Long::sum);
        changed.run();
        SECURITY.info("Account {} {} by {}", name, what, caller.name());
    }

    private BackingEngine administeredBy(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw new Forbidden("accounts are managed by administrators");
        }
        return engine.get().orElseThrow(() -> new ServiceUnavailable("the realm's accounts cannot be reached yet"));
    }

    private static UserPrincipal existing(BackingEngine realm, String name) {
        UserPrincipal user = name == null ? null : realm.lookupUser(name);
        if (user == null) {
            throw new AccountRefused(Problem.NOT_FOUND, "no account named " + name, List.of());
        }
        return user;
    }

    private static Account account(BackingEngine realm, UserPrincipal user) {
        return new Account(user.getName(), new ArrayList<>(roleNames(realm, user)));
    }

    private static Set<String> roleNames(BackingEngine realm, UserPrincipal user) {
        Set<String> names = new LinkedHashSet<>();
        for (RolePrincipal role : realm.listRoles(user)) {
            names.add(role.getName());
        }
        return names;
    }

    /** The role in its kept form if it is a platform role whose division or unit exists. */
    static Optional<String> platformRole(String role) {
        Optional<Grant> grant = Grant.parse(role == null ? null : role.strip());
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Grant parsed = grant.get();
        boolean exists = switch (parsed.role().scope()) {
            case NONE -> true;
            case DIVISION -> Divisions.reference().find(parsed.scope()).isPresent();
            case UNIT -> Units.find(parsed.scope()).isPresent();
        };
        return exists ? Optional.of(parsed.realmRole()) : Optional.empty();
    }

    private static String roleProblem(String role) {
        return "'" + role + "' is not a platform role of an existing division or unit (clerk:520102,"
                + " unit:520102-GAJ, supervisor:5201, integration:520102, rules-admin, auditor, admin)";
    }

    static Optional<Violation> passwordViolation(String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD
                || !password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return Optional.of(new Violation("password", MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters with letters and digits"));
        }
        if (name != null && password.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Violation("password", "must not contain the account's name"));
        }
        return Optional.empty();
    }
}
