package org.reception.cases;

/**
 * The kinds of problem the platform reports to its clients. Each has a stable slug that endpoints
 * turn into a problem type URI or a fault code, so that clients can act on it.
 */
public enum Problem {
    INVALID_PETITION("invalid-petition", "The petition is invalid"),
    MALFORMED_REQUEST("malformed-request", "The request could not be read"),
    NOT_FOUND("not-found", "No such resource"),
    ILLEGAL_TRANSITION("illegal-transition", "The action is not allowed in the case's present state"),
    CONFLICT("conflict", "The case changed since it was read"),
    SERVICE_UNAVAILABLE("service-unavailable", "The platform is not ready"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "The idempotency key was used for another request"),
    INVALID_RULE_MODULE("invalid-rule-module", "The rule module was refused"),
    NO_EARLIER_VERSION("no-earlier-version", "No earlier version of the rule module is kept"),
    UNAUTHORIZED("unauthorized", "Sign in with a platform account"),
    FORBIDDEN("forbidden", "The account's roles do not allow this"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests; wait and try again");

    private final String slug;
    private final String title;

    Problem(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
