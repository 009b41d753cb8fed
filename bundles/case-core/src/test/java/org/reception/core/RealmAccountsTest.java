package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.jupiter.api.Test;
import org.reception.cases.Forbidden;
import org.reception.cases.Problem;
import org.reception.cases.access.AccountAdministration.Account;
import org.reception.cases.access.AccountRefused;
import org.reception.cases.access.Caller;

class RealmAccountsTest {

    private static final Caller ADMIN = Caller.of("root", List.of("admin"));
    private final Realm realm = new Realm();
    private final AtomicInteger changes = new AtomicInteger();
    private final RealmAccounts accounts = new RealmAccounts(() -> Optional.of(realm), changes::incrementAndGet);

    @Test
    void createsAnAccountWithItsRolesInTheirKeptForm() {
        Account created = accounts.create(ADMIN, "window-3", "Reception-2026", List.of("clerk:520102", " unit:520102-gaj "));
        assertEquals(new Account("window-3", List.of("clerk:520102", "unit:520102-GAJ")), created);
        assertEquals("Reception-2026", realm.passwords.get("window-3"), "handed to the realm, which hashes it");
        assertEquals(1, changes.get(), "remembered sign-ins are forgotten");
        assertEquals(1, accounts.revision("window-3"));
    }

    @Test
    void refusesBadInputAllAtOnceAndCreatesNothing() {
        AccountRefused refused = assertThrows(AccountRefused.class, () -> accounts.create(ADMIN, "Bad Name",
                "short1", List.of("clerk:999999", "unit:520102-NOSUCH", "viewer", "clerk:520102")));
        assertEquals(Problem.MALFORMED_REQUEST, refused.problem());
        assertEquals(List.of("name", "password", "roles[0]", "roles[1]", "roles[2]"),
                refused.violations().stream().map(v -> v.field()).toList());
        assertThrows(AccountRefused.class, () -> accounts.create(ADMIN, "window-3", "window-3-Secret", List.of("clerk:520102")),
                "a password holding the name");
        assertThrows(AccountRefused.class, () -> accounts.create(ADMIN, "window-3", "Reception-2026", List.of()),
                "no role");
        assertTrue(realm.passwords.isEmpty());
        assertEquals(0, changes.get());
    }

    @Test
    void aTakenNameIsAConflict() {
        accounts.create(ADMIN, "window-3", "Reception-2026", List.of("clerk:520102"));
        AccountRefused taken = assertThrows(AccountRefused.class,
                () -> accounts.create(ADMIN, "window-3", "Another-2026", List.of("auditor")));
        assertEquals(Problem.ACCOUNT_CONFLICT, taken.problem());
        assertEquals("Reception-2026", realm.passwords.get("window-3"));
    }

    @Test
    void grantsRevokesAndResetsKeepingTheOtherRoles() {
        accounts.create(ADMIN, "window-3", "Reception-2026", List.of("clerk:520102"));
        accounts.grant(ADMIN, "window-3", "supervisor:5201");
        assertEquals(Problem.MALFORMED_REQUEST, assertThrows(AccountRefused.class,
                () -> accounts.revoke(ADMIN, "window-3", "nothing")).problem());
        assertEquals(Problem.ACCOUNT_CONFLICT, assertThrows(AccountRefused.class,
                () -> accounts.revoke(ADMIN, "window-3", "auditor")).problem(), "a role it does not hold");
        assertEquals(List.of("supervisor:5201"), accounts.revoke(ADMIN, "window-3", "clerk:520102").roles());
        accounts.resetPassword(ADMIN, "window-3", "Fresh-pass-77");
        assertEquals("Fresh-pass-77", realm.passwords.get("window-3"));
        assertEquals(List.of("supervisor:5201"), accounts.list(ADMIN).get(0).roles());
        assertEquals(4, accounts.revision("window-3"), "the refused revokes changed nothing");
    }

    @Test
    void anAdministratorNeverLocksItselfOut() {
        realm.passwords.put("root", "x");
        realm.roles.put("root", new LinkedHashSet<>(List.of("admin")));
        assertEquals(Problem.ACCOUNT_CONFLICT, assertThrows(AccountRefused.class,
                () -> accounts.revoke(ADMIN, "root", "admin")).problem());
        assertEquals(Problem.ACCOUNT_CONFLICT, assertThrows(AccountRefused.class,
                () -> accounts.delete(ADMIN, "root")).problem());
        assertEquals(Set.of("admin"), realm.roles.get("root"));
    }

    @Test
    void theLastAdministratorStays() {
        realm.passwords.put("ops", "x");
        realm.roles.put("ops", new LinkedHashSet<>(List.of("admin")));
        Caller other = Caller.of("root", List.of("admin"));
        assertEquals(Problem.ACCOUNT_CONFLICT, assertThrows(AccountRefused.class,
                () -> accounts.revoke(other, "ops", "admin")).problem(), "root is not in the realm: ops is the last");
        assertEquals(Problem.ACCOUNT_CONFLICT, assertThrows(AccountRefused.class,
                () -> accounts.delete(other, "ops")).problem());
        realm.passwords.put("root", "x");
        realm.roles.put("root", new LinkedHashSet<>(List.of("admin")));
        assertEquals(List.of(), accounts.revoke(other, "ops", "admin").roles(), "with another one, it may go");
    }

    @Test
    void aRoleHeldThroughAGroupIsNotReportedAsRevoked() {
        accounts.create(ADMIN, "window-3", "Reception-2026", List.of("auditor"));
        realm.inherited.put("window-3", "auditor");
        assertEquals(Problem.ACCOUNT_CONFLICT, assertThrows(AccountRefused.class,
                () -> accounts.revoke(ADMIN, "window-3", "auditor")).problem());
        assertEquals(1, accounts.revision("window-3"), "nothing is recorded as changed");
    }

    @Test
    void onlyAdministratorsManageAccountsAndUnknownNamesAreNotFound() {
        Caller supervisor = Caller.of("boss", List.of("supervisor:52"));
        assertThrows(Forbidden.class, () -> accounts.list(supervisor));
        assertThrows(Forbidden.class, () -> accounts.create(supervisor, "window-3", "Reception-2026", List.of("admin")));
        assertEquals(Problem.NOT_FOUND, assertThrows(AccountRefused.class,
                () -> accounts.grant(ADMIN, "nobody", "auditor")).problem());
    }

    /** The properties realm as its engine behaves: addUser on an existing account keeps its roles. */
    private static final class Realm implements BackingEngine {
        final Map<String, String> passwords = new LinkedHashMap<>();
        final Map<String, Set<String>> roles = new LinkedHashMap<>();
        /** A role an account holds through a group: listed, but deleting the account's own role leaves it. */
        final Map<String, String> inherited = new LinkedHashMap<>();

        @Override
        public void addUser(String username, String password) {
            passwords.put(username, password);
            roles.putIfAbsent(username, new LinkedHashSet<>());
        }

        @Override
        public void deleteUser(String username) {
            passwords.remove(username);
            roles.remove(username);
        }

        @Override
        public List<UserPrincipal> listUsers() {
            return passwords.keySet().stream().map(UserPrincipal::new).toList();
        }

        @Override
        public UserPrincipal lookupUser(String username) {
            return passwords.containsKey(username) ? new UserPrincipal(username) : null;
        }

        @Override
        public List<GroupPrincipal> listGroups(UserPrincipal user) {
            return List.of();
        }

        @Override
        public Map<GroupPrincipal, String> listGroups() {
            return Map.of();
        }

        @Override
        public void addGroup(String username, String group) {
        }

        @Override
        public void createGroup(String group) {
        }

        @Override
        public void deleteGroup(String username, String group) {
        }

        @Override
        public List<RolePrincipal> listRoles(Principal principal) {
            Set<String> held = new LinkedHashSet<>(roles.getOrDefault(principal.getName(), Set.of()));
            if (inherited.containsKey(principal.getName())) {
                held.add(inherited.get(principal.getName()));
            }
            return new ArrayList<>(held.stream().map(RolePrincipal::new).toList());
        }

        @Override
        public void addRole(String username, String role) {
            roles.get(username).add(role);
        }

        @Override
        public void deleteRole(String username, String role) {
            roles.get(username).remove(role);
        }

        @Override
        public void addGroupRole(String group, String role) {
        }

        @Override
        public void deleteGroupRole(String group, String role) {
        }
    }
}
