package org.reception.soap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.Caller;

/**
 * Signs every call in before its body is read, with HTTP Basic as on the REST API: county systems
 * use their integration accounts. The caller is kept in the exchange for the endpoint. The WSDL and
 * its schema ({@code GET ?wsdl}) are served without an account.
 */
final class SignIn extends AbstractPhaseInterceptor<Message> {

    private final Supplier<Authenticator> authenticator;

    SignIn(Supplier<Authenticator> authenticator) {
        super(Phase.RECEIVE);
        this.authenticator = authenticator;
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
                : current.signIn(authorization.get(0), clientAddress(message));
        message.getExchange().put(Caller.class, caller.orElseThrow(SignInRequired::new));
    }

    /** The client's address, which failed sign-ins are counted by; CXF keeps the servlet request under this key. */
    private static String clientAddress(Message message) {
        Object request = message.get("HTTP.REQUEST");
        return request instanceof javax.servlet.ServletRequest servlet ? servlet.getRemoteAddr() : null;
    }
}
