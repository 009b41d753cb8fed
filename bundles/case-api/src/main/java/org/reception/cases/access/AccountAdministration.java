package org.reception.cases.access;

import java.util.List;

/**
 * The platform's accounts and their roles, kept in the same JAAS realm, through the same backing
 * store, as Karaf's {@code jaas:*} shell commands. For administrators ({@link Role#ADMINISTRATOR})
 * only; every change goes to the security log with who made it. Passwords are stored as the realm
 * stores them (hashed), never returned, never logged.
 */
public interface AccountAdministration {

    /**
     * An account: its name and its roles as the realm holds them ({@code clerk:520102},
     * {@code rules-admin}, and Karaf's own roles such as {@code viewer}).
     */
    record Account(String name, List<String> roles) {
        public Account {
            roles = List.copyOf(roles);
        }
    }

    List<Account> list(Caller caller);

    /**
     * @throws AccountRefused for a bad name, a weak password or an unknown role (nothing is created),
     *                        or when the name is taken
     */
    Account create(Caller caller, String name, String password, List<String> roles);

    /** Gives the account a platform role, in its kept form ({@code unit:520102-gaj} becomes {@code unit:520102-GAJ}). */
    Account grant(Caller caller, String name, String role);

    /**
     * Takes a platform role the account holds itself.
     *
     * @throws AccountRefused for a role that is not a platform role; for one the account does not
     *                        hold, or holds through a group of the realm (the group is Karaf's to change);
     *                        when an administrator would take its own {@code admin} role or the last
     *                        one's: someone else must, so that the platform never loses its last
     *                        administrator by a slip
     */
    Account revoke(Caller caller, String name, String role);

    void resetPassword(Caller caller, String name, String password);

    /** @throws AccountRefused for the caller's own account, or the last administrator's */
    void delete(Caller caller, String name);

    /**
     * How often the account was changed here since the platform started. A desk session opened at
     * an older revision ends: a revoked role or a reset password takes effect at once.
     */
    long revision(String name);
}
