package org.reception.cases;

/**
 * The kinds of problem the platform reports to its clients. Each has a stable slug that endpoints
 * turn into a problem type URI or a fault code, so that clients can act on it, and the HTTP status
 * that says whose fault it is: below 500 the caller's (SOAP {@code Client}: do not retry unchanged),
 * from 500 the platform's (SOAP {@code Server}: try again later).
 */
public enum Problem {
    INVALID_PETITION("invalid-petition", "The petition is invalid", 400),
    MALFORMED_REQUEST("malformed-request", "The request could not be read", 400),
    NOT_FOUND("not-found", "No such resource", 404),
    ILLEGAL_TRANSITION("illegal-transition", "The action is not allowed in the case's present state", 409),
    /** The version the caller read is no longer the case's: read it again, then decide. */
    CONFLICT("conflict", "The case changed since it was read", 412),
    PRECONDITION_REQUIRED("precondition-required", "Send If-Match with the ETag of the case as read", 428),
    SERVICE_UNAVAILABLE("service-unavailable", "The platform is not ready", 503),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "The idempotency key was used for another request", 422),
    INVALID_RULE_MODULE("invalid-rule-module", "The rule module was refused", 422),
    NO_EARLIER_VERSION("no-earlier-version", "No earlier version of the rule module is kept", 409),
    ACCOUNT_CONFLICT("account-conflict", "The accounts do not allow this change", 409),
    UNAUTHORIZED("unauthorized", "Sign in with a platform account", 401),
    FORBIDDEN("forbidden", "The account's roles do not allow this", 403),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests; wait and try again", 429),
    INTERNAL_ERROR("internal-error", "Internal error", 500);

    private final String slug;
    private final String title;
    private final int status;

    Problem(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The HTTP status every HTTP face answers with. */
    public int status() {
        return status;
    }

    /** Whether the caller must change the request (or its credentials) before trying again. */
    public boolean callersFault() {
        return status < 500;
    }
}
