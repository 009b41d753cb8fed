package org.reception.rest;

/**
 * Names the OpenAPI document's shared parts (in {@code src/main/openapi/openapi-base.json}) for the
 * resources' annotations, so that each error answer and header is described once.
 */
final class OpenApi {

    static final String BASIC = "basic";
    static final String ETAG = "#/components/headers/ETag";
    static final String BAD_REQUEST = "#/components/responses/BadRequest";
    static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    static final String FORBIDDEN = "#/components/responses/Forbidden";
    static final String NOT_FOUND = "#/components/responses/NotFound";
    static final String ILLEGAL_TRANSITION = "#/components/responses/IllegalTransition";
    static final String ACCOUNT_CONFLICT = "#/components/responses/AccountConflict";
    static final String PRECONDITION_FAILED = "#/components/responses/PreconditionFailed";
    static final String PRECONDITION_REQUIRED = "#/components/responses/PreconditionRequired";
    static final String UNPROCESSABLE = "#/components/responses/Unprocessable";
    static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    static final String PAYLOAD_TOO_LARGE = "#/components/responses/PayloadTooLarge";
    static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";
    static final String UNAVAILABLE = "#/components/responses/Unavailable";
    static final String IF_MATCH_DESCRIPTION = "The ETag of the case as read, e.g. \"3\" (a list, or *, as RFC 9110 allows)";

    private OpenApi() {
    }
}
