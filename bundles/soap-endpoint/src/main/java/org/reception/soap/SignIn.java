package org.reception.soap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.Caller;
import org.reception.cases.access.ForwardedRequest;

/**
 * Signs every call in before its body is read, with HTTP Basic as on the REST API: county systems
 * use their integration accounts. The caller is kept in the exchange for the endpoint. The WSDL and
 * its schema ({@code GET ?wsdl}) are served without an account.
 */
final class SignIn extends AbstractPhaseInterceptor<Message> {

    private final Supplier<Authenticator> authenticator;
    private final Supplier<Set<String>> trustedProxies;

    SignIn(Supplier<Authenticator> authenticator, Supplier<Set<String>> trustedProxies) {
        super(Phase.RECEIVE);
        this.authenticator = authenticator;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void handleMessage(Message message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        Authenticator current = authenticator.get();
        if (current == null) {
            throw new ServiceUnavailable("accounts cannot be checked yet");
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        List<String> authorization = headers == null ? null : headers.get("Authorization");
        Optional<Caller> caller = authorization == null || authorization.size() != 1 ? Optional.empty()
                : current.signIn(authorization.get(0), clientAddress(message, headers));
        message.getExchange().put(Caller.class, caller.orElseThrow(SignInRequired::new));
    }

    /**
     * The client's address, which failed sign-ins are counted by: the peer's, or the client's a
     * trusted proxy forwarded (as on the REST API). CXF keeps the servlet request under this key.
     */
    private String clientAddress(Message message, Map<String, List<String>> headers) {
        Object request = message.get("HTTP.REQUEST");
        String peer = request instanceof javax.servlet.ServletRequest servlet ? servlet.getRemoteAddr() : null;
        return ForwardedRequest.clientAddress(peer, trustedProxies.get(), name -> {
            List<String> values = headers == null ? null : headers.get(name);
            return values == null || values.isEmpty() ? null : String.join(",", values);
        });
    }
}
