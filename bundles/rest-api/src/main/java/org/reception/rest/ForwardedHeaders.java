package org.reception.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriBuilder;

/**
 * Behind a reverse proxy every request comes from the proxy's address. From the proxies an
 * operator names ({@code trustedProxies} in {@code etc/org.reception.rest.cfg}) the client's
 * address, scheme and host are read from {@code Forwarded} (RFC 7239), else from
 * {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}; from anyone else these headers are
 * ignored, so that no client names another's address (to slip past the sign-in and receipt
 * throttles) or another host (to bend {@code Location} and {@code Link}). Pre-matching, it runs
 * before the access filter counts a sign-in against the address.
 */
@PreMatching
final class ForwardedHeaders implements ContainerRequestFilter {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(?::(\\d{1,5}))?");
    private static final Pattern FORWARDED_PAIR = Pattern.compile("(?i)\\s*(for|proto|host|by)\\s*=\\s*(\"[^\"]*\"|[^;,\\s]*)");

    private final Supplier<Set<String>> trustedProxies;

    @Context
    HttpServletRequest servletRequest;

    ForwardedHeaders(Supplier<Set<String>> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Set<String> trusted = trustedProxies.get();
        String peer = servletRequest == null ? null : servletRequest.getRemoteAddr();
        if (peer == null || trusted.isEmpty() || !trusted.contains(peer)) {
            return;
        }
        List<String> clients = new ArrayList<>();
        String proto = null;
        String host = null;
        String forwarded = request.getHeaderString("Forwarded");
        if (forwarded != null) {
            boolean first = true;
            for (String element : forwarded.split(",")) {
                Matcher pair = FORWARDED_PAIR.matcher(element);
                while (pair.find()) {
                    String value = unquote(pair.group(2));
                    switch (pair.group(1).toLowerCase(Locale.ROOT)) {
                        case "for" -> clients.add(address(value));
                        case "proto" -> proto = first ? value : proto;
                        case "host" -> host = first ? value : host;
                        default -> { }
                    }
                }
                first = false;
            }
        } else {
            String forwardedFor = request.getHeaderString("X-Forwarded-For");
            if (forwardedFor != null) {
                for (String one : forwardedFor.split(",")) {
                    clients.add(address(one.strip()));
                }
            }
            proto = first(request.getHeaderString("X-Forwarded-Proto"));
            host = first(request.getHeaderString("X-Forwarded-Host"));
        }
        // The client is the nearest address that is not one of our own proxies.
        for (int i = clients.size() - 1; i >= 0; i--) {
            String client = clients.get(i);
            if (!client.isEmpty() && !trusted.contains(client)) {
                servletRequest.setAttribute(ClientAddress.ATTRIBUTE, client);
                break;
            }
        }
        rewriteAddress(request, proto, host);
    }

    private static void rewriteAddress(ContainerRequestContext request, String proto, String host) {
        boolean scheme = proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"));
        Matcher authority = host == null ? null : HOST.matcher(host);
        boolean named = authority != null && authority.matches();
        if (!scheme && !named) {
            return;
        }
        UriBuilder base = request.getUriInfo().getBaseUriBuilder();
        UriBuilder requested = request.getUriInfo().getRequestUriBuilder();
        for (UriBuilder uri : List.of(base, requested)) {
            if (scheme) {
                uri.scheme(proto.toLowerCase(Locale.ROOT));
            }
            if (named) {
                uri.host(authority.group(1)).port(authority.group(2) == null ? -1 : Integer.parseInt(authority.group(2)));
            }
        }
        URI newBase = base.build();
        request.setRequestUri(newBase, requested.build());
    }

    private static String first(String list) {
        return list == null ? null : list.split(",")[0].strip();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code 192.0.2.60}, {@code 192.0.2.60:4711}, {@code [2001:db8::1]:4711}: the address alone. */
    static String address(String node) {
        String value = node.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? "" : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value;
    }
}
