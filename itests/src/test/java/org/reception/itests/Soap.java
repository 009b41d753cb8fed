package org.reception.itests;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.transport.http.HTTPConduit;

/** What a county system's SOAP client does to sign in: HTTP Basic with its integration account. */
final class Soap {

    private Soap() {
    }

    static Client signIn(Client client, Account account) {
        return signIn(client, account.user(), account.password());
    }

    static Client signIn(Client client, String user, String password) {
        AuthorizationPolicy credentials = new AuthorizationPolicy();
        credentials.setUserName(user);
        credentials.setPassword(password);
        credentials.setAuthorizationType("Basic");
        ((HTTPConduit) client.getConduit()).setAuthorization(credentials);
        return client;
    }
}
