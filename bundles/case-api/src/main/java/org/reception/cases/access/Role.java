package org.reception.cases.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person or system may do on the platform. In the JAAS realm a role is held as its
 * {@link #roleName()}, followed for scoped roles by {@code :} and the scope, for example
 * {@code supervisor:520100} or {@code unit:520102-GAJ}.
 */
public enum Role {
    /** Registers petitions and disposes of them; sees its desk's jurisdiction and what it registered. Scope: a division code. */
    CLERK("clerk", Scope.DIVISION),
    /** Accepts, handles and answers the cases assigned to it. Scope: a unit code such as {@code 520102-GAJ}. */
    HANDLING_UNIT("unit", Scope.UNIT),
    /** Oversees a jurisdiction and everything below it: reads, supervises, answers reviews. Scope: a division code. */
    SUPERVISOR("supervisor", Scope.DIVISION),
    /** Deploys, tests and rolls back rule modules; sees no case content. */
    RULE_ADMINISTRATOR("rules-admin", Scope.NONE),
    /** A county system: submits petitions for its county and reports on its county's cases. Scope: a division code. */
    INTEGRATION("integration", Scope.DIVISION),
    /** Reads and verifies the audit log; sees no case content. */
    AUDITOR("auditor", Scope.NONE),
    /** Operates the platform (Karaf's own {@code admin} role): outbox, events, accounts; sees no case content. */
    ADMINISTRATOR("admin", Scope.NONE);

    /** What a role's scope names. */
    public enum Scope {
        NONE, DIVISION, UNIT
    }

    private final String roleName;
    private final Scope scope;

    Role(String roleName, Scope scope) {
        this.roleName = roleName;
        this.scope = scope;
    }

    /** The name of the role in the realm, before the scope. */
    public String roleName() {
        return roleName;
    }

    public Scope scope() {
        return scope;
    }

    public static Optional<Role> named(String roleName) {
        return Arrays.stream(values()).filter(role -> role.roleName.equals(roleName)).findFirst();
    }
}
