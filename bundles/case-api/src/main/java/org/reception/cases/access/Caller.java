package org.reception.cases.access;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

/**
 * Who calls, as the realm authenticated it: the account name and the grants of its roles. Passed
 * with every read and step, so that what a caller sees is decided where the case is read, on every
 * path alike.
 */
public record Caller(String name, Set<Grant> grants) implements Principal {

    /** Nobody signed in: may only file a petition through a public face and read a receipt. */
    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of());

    public Caller {
        Objects.requireNonNull(name, "name");
        grants = Set.copyOf(grants);
    }

    /** The caller for an account and its realm roles; roles of other applications are ignored. */
    public static Caller of(String name, Collection<String> realmRoles) {
        return new Caller(name, realmRoles.stream().map(Grant::parse).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The caller a JAAS login made: the account of its user principal and the names of its role
     * principals (Karaf's {@code UserPrincipal} and {@code RolePrincipal}; group roles are expanded
     * into role principals by the realm).
     */
    public static Caller of(Subject subject) {
        String name = null;
        List<String> roles = new ArrayList<>();
        for (Principal principal : subject.getPrincipals()) {
            String kind = principal.getClass().getSimpleName();
            if (kind.equals("UserPrincipal") && name == null) {
                name = principal.getName();
            } else if (kind.equals("RolePrincipal")) {
                roles.add(principal.getName());
            }
        }
        return name == null ? ANONYMOUS : of(name, roles);
    }

    /** The caller a principal stands for: the platform's endpoints put a {@code Caller} there when they sign a request in. */
    public static Caller of(Principal principal) {
        return principal instanceof Caller caller ? caller : ANONYMOUS;
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }

    public boolean hasAny(Set<Role> roles) {
        return grants.stream().anyMatch(grant -> roles.contains(grant.role()));
    }

    /** The scopes of one role the caller holds. */
    public Set<String> scopes(Role role) {
        return grants.stream().filter(grant -> grant.role() == role).map(Grant::scope)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether one of the caller's grants of this role covers the place. */
    public boolean covers(Role role, String jurisdiction) {
        return grants.stream().anyMatch(grant -> grant.role() == role && grant.covers(jurisdiction));
    }

    /**
     * Whether the caller reads every figure of the jurisdiction: an auditor, an administrator, or a
     * supervisor of it or above.
     */
    public boolean overseesWhole(String jurisdictionPrefix) {
        return has(Role.AUDITOR) || has(Role.ADMINISTRATOR) || scopes(Role.SUPERVISOR).stream()
                .map(Jurisdictions::prefix).anyMatch(jurisdictionPrefix::startsWith);
    }

    public boolean anonymous() {
        return grants.isEmpty() && ANONYMOUS.name.equals(name);
    }
}
