package org.reception.cases;

import java.util.Set;

/**
 * What a caller says of the version of the case it acts on, as HTTP's {@code If-Match} does
 * (RFC 9110, section 13.1.1): one of some versions it read, any version, or nothing at all. A step
 * whose condition does not hold changes nothing; a face that requires a condition refuses a step
 * sent without one, after the caller's right to take it was checked.
 */
public record VersionCondition(boolean sent, boolean anyVersion, Set<Integer> versions) {

    /** No condition was sent. */
    public static final VersionCondition ABSENT = new VersionCondition(false, false, Set.of());

    /** Act on whatever version is current: {@code If-Match: *}, or a face with no versions such as SOAP without one. */
    public static final VersionCondition ANY = new VersionCondition(true, true, Set.of());

    public VersionCondition {
        versions = Set.copyOf(versions);
    }

    /** The versions read; empty when only weak tags were sent, which never match (strong comparison). */
    public static VersionCondition oneOf(Set<Integer> versions) {
        return new VersionCondition(true, false, versions);
    }

    /** {@link #ANY} when {@code version} is {@code null}. */
    public static VersionCondition of(Integer version) {
        return version == null ? ANY : new VersionCondition(true, false, Set.of(version));
    }

    public boolean absent() {
        return !sent;
    }

    public boolean holdsFor(int version) {
        return anyVersion || versions.contains(version);
    }
}
