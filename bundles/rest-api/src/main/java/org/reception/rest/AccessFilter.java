package org.reception.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.reception.cases.Forbidden;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.BasicCredentials;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Role;

/**
 * Signs every request in and refuses it unless the method is {@link Anonymous} or the account holds
 * one of the roles it {@link Permits}. Systems sign in with HTTP Basic against the platform's realm
 * on every request; the web desk's browsers with the session cookie {@link SessionResource} set, and
 * then every change must carry the session's CSRF token in a header, which a page of another site
 * cannot read. The caller is then the request's {@link SecurityContext} principal, for the resources
 * to hand to the desk.
 */
final class AccessFilter implements ContainerRequestFilter {

    static final String CHALLENGE = BasicCredentials.CHALLENGE;

    /** Where the request's desk session is left for {@link SessionResource}. */
    static final String SESSION_ATTRIBUTE = "org.reception.rest.session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Supplier<Authenticator> authenticator;
    private final DeskSessions sessions;

    @Context
    ResourceInfo resource;

    /** The client's address, which failed sign-ins are counted by. */
    @Context
    HttpServletRequest servletRequest;

    AccessFilter(Supplier<Authenticator> authenticator, DeskSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Class<?> type = resource == null ? null : resource.getResourceClass();
        boolean anonymous = method != null && (method.isAnnotationPresent(Anonymous.class)
                || type.isAnnotationPresent(Anonymous.class));
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(DeskSessions.COOKIE);
        Optional<DeskSessions.Session> session = header != null || cookie == null || sessions == null
                ? Optional.empty() : sessions.touch(cookie.getValue(),
                        !"true".equals(request.getHeaderString(DeskSessions.BACKGROUND_HEADER)));
        Caller caller;
        if (header != null) {
            caller = signIn(header);
        } else if (session.isPresent() && anonymous
                && !session.get().csrfMatches(request.getHeaderString(DeskSessions.CSRF_HEADER))) {
            // What anyone may do (signing in again, above all) is done as nobody, not refused, when
            // the page holds another session's token (another tab signed in since).
            caller = Caller.ANONYMOUS;
        } else if (session.isPresent()) {
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !session.get().csrfMatches(request.getHeaderString(DeskSessions.CSRF_HEADER))) {
                throw new Forbidden("a change from the desk carries the session's token in "
                        + DeskSessions.CSRF_HEADER + "; this one did not");
            }
            caller = session.get().caller();
            if (servletRequest != null) {
                servletRequest.setAttribute(SESSION_ATTRIBUTE, session.get());
            }
        } else if (anonymous) {
            // An ended session does not stop what anyone may do, signing in again first of all.
            caller = Caller.ANONYMOUS;
        } else {
            throw new Unauthenticated(cookie == null ? "sign in with HTTP Basic and a platform account"
                    : "the desk session ended (idle too long, signed out or the platform restarted); sign in again");
        }
        Set<Role> permitted = permitted(method, type);
        if (!anonymous && permitted != null && !caller.hasAny(permitted)) {
            throw new Forbidden("this is for " + permitted.stream().map(Role::roleName).toList() + " only");
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure));
    }

    private Caller signIn(String header) {
        Authenticator current = authenticator.get();
        if (current == null) {
            throw new ServiceUnavailable("accounts cannot be checked yet");
        }
        String address = ClientAddress.of(servletRequest);
        return current.signIn(header, address).orElseThrow(() -> new Unauthenticated(
                "HTTP Basic with a platform account and its password is required; this one was refused"));
    }

    private static Set<Role> permitted(Method method, Class<?> type) {
        Permits permits = method == null ? null : method.getAnnotation(Permits.class);
        if (permits == null && type != null) {
            permits = type.getAnnotation(Permits.class);
        }
        if (permits == null) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Arrays.asList(permits.value()));
        return roles;
    }

    /** The caller of the request, as the filter signed it in. */
    static Caller caller(SecurityContext context) {
        return Caller.of(context == null ? null : context.getUserPrincipal());
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return Role.named(role).map(caller::has).orElse(false);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return caller.anonymous() ? null : BASIC_AUTH;
        }
    }
}
