package org.reception.cases.access;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reception.cases.divisions.Divisions;

/**
 * One role held over one scope: a division (and everything below it) or a unit.
 *
 * @param scope a division code (2, 4 or 6 digits: {@code 52}, {@code 5201}, {@code 520102}), a unit code, or
 *              {@code null} for a role without scope
 */
public record Grant(Role role, String scope) {

    private static final Pattern DIVISION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");
    /** A division code (any level), a dash and the department's short code: {@code 520102-GAJ}, {@code 5201-ZRZYHGHJ}. */
    public static final Pattern UNIT = Pattern.compile("(\\d{2}|\\d{4}|\\d{6})-[A-Z0-9]{1,30}");

    public Grant {
        Objects.requireNonNull(role, "role");
        if (role.scope() == Role.Scope.UNIT) {
            // unit:520100-zrzyj and unit:5201-ZRZYJ are one unit, compared with the cases' units as such.
            scope = Jurisdictions.canonicalUnit(scope);
        }
        boolean valid = switch (role.scope()) {
            case NONE -> scope == null;
            case DIVISION -> scope != null && DIVISION.matcher(scope).matches();
            case UNIT -> scope != null && UNIT.matcher(scope).matches();
        };
        if (!valid) {
            throw new IllegalArgumentException("role " + role.roleName() + " cannot have scope " + scope);
        }
    }

    public static Grant of(Role role) {
        return new Grant(role, null);
    }

    /**
     * The grant a realm role name stands for, such as {@code clerk:520102}; empty for roles of other
     * applications (Karaf's {@code viewer}, {@code ssh} …) and for malformed ones.
     */
    public static Optional<Grant> parse(String realmRole) {
        if (realmRole == null) {
            return Optional.empty();
        }
        int colon = realmRole.indexOf(':');
        String name = colon < 0 ? realmRole : realmRole.substring(0, colon);
        String scope = colon < 0 ? null : realmRole.substring(colon + 1);
        try {
            return Role.named(name).map(role -> new Grant(role, scope));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Whether a division scope covers the place: the division itself or anything below it. */
    public boolean covers(String jurisdiction) {
        return role.scope() == Role.Scope.DIVISION && Divisions.isWithin(jurisdiction, Jurisdictions.prefix(scope));
    }

    /** The name of the role in the realm, for example {@code clerk:520102}. */
    public String realmRole() {
        return scope == null ? role.roleName() : role.roleName() + ":" + scope;
    }

    @Override
    public String toString() {
        return realmRole();
    }
}
