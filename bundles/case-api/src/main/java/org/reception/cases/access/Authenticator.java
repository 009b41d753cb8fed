package org.reception.cases.access;

import java.util.Optional;

/**
 * Checks an account's password against the platform's realm. One service for every endpoint (REST,
 * SOAP, county plugins), so that they all accept the same accounts.
 */
public interface Authenticator {

    /** The caller the account stands for; empty if the name or password is wrong. */
    Optional<Caller> authenticate(String name, String password);

    /**
     * The caller an HTTP {@code Authorization} header signs in; empty if the header is not HTTP
     * Basic or the account does not exist or the password is wrong.
     */
    default Optional<Caller> signIn(String authorizationHeader) {
        return BasicCredentials.parse(authorizationHeader)
                .flatMap(credentials -> authenticate(credentials.name(), credentials.password()));
    }
}
