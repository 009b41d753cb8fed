package org.reception.cases.access;

import java.util.Optional;

/**
 * Checks an account's password against the platform's realm. One service for every endpoint (REST,
 * SOAP, county plugins), so that they all accept the same accounts.
 */
public interface Authenticator {

    /**
     * The caller the account stands for; empty if the name or password is wrong.
     *
     * @param address the client's network address, which failed sign-ins are counted by
     * @throws SignInThrottled when this address, or this account from it, failed too often lately
     */
    Optional<Caller> authenticate(String name, String password, String address);

    /**
     * The caller an HTTP {@code Authorization} header signs in; empty if the header is not HTTP
     * Basic or the account does not exist or the password is wrong.
     *
     * @throws SignInThrottled as {@link #authenticate}
     */
    default Optional<Caller> signIn(String authorizationHeader, String address) {
        return BasicCredentials.parse(authorizationHeader)
                .flatMap(credentials -> authenticate(credentials.name(), credentials.password(), address));
    }
}
