package org.reception.cases.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a trusted reverse proxy says of the request it passes on: the client's address, and the
 * scheme and host the client used. Read from {@code Forwarded} (RFC 7239), else from
 * {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}, and only when the peer is one of the
 * proxies an operator named: from anyone else the headers are ignored, so that no client can pass
 * as another address (to slip past the sign-in throttles) or name another host. Every HTTP face
 * (REST, Open311, county plugins, SOAP) reads them here.
 *
 * @param client the nearest forwarded address that is not a trusted proxy; {@code null} if none was named
 * @param proto {@code http} or {@code https} as the client used it, or {@code null}
 * @param host the host (and port) the client asked for, or {@code null}
 */
public record ForwardedRequest(String client, String proto, String host) {

    private static final Pattern PAIR = Pattern.compile("(?i)\\s*(for|proto|host|by)\\s*=\\s*(\"[^\"]*\"|[^;,\\s]*)");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");

    /**
     * What the proxy forwarded, or {@code null} when the peer is not a trusted proxy.
     *
     * @param headers a header's value by its name, {@code null} when absent
     */
    public static ForwardedRequest of(String peer, Set<String> trustedProxies, HeaderSource headers) {
        if (peer == null || !trustedProxies.contains(peer)) {
            return null;
        }
        List<String> clients = new ArrayList<>();
        String proto = null;
        String host = null;
        String forwarded = headers.value("Forwarded");
        if (forwarded != null) {
            boolean first = true;
            for (String element : forwarded.split(",")) {
                Matcher pair = PAIR.matcher(element);
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
            String forwardedFor = headers.value("X-Forwarded-For");
            if (forwardedFor != null) {
                for (String node : forwardedFor.split(",")) {
                    clients.add(address(node));
                }
            }
            proto = first(headers.value("X-Forwarded-Proto"));
            host = first(headers.value("X-Forwarded-Host"));
        }
        String client = null;
        for (int i = clients.size() - 1; i >= 0 && client == null; i--) {
            String node = clients.get(i);
            if (!node.isEmpty() && !trustedProxies.contains(node)) {
                client = node;
            }
        }
        boolean scheme = proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"));
        boolean named = host != null && HOST.matcher(host).matches();
        return new ForwardedRequest(client, scheme ? proto.toLowerCase(Locale.ROOT) : null, named ? host : null);
    }

    /** The address a request came from: the forwarded client's when a trusted proxy named one, else the peer's. */
    public static String clientAddress(String peer, Set<String> trustedProxies, HeaderSource headers) {
        ForwardedRequest forwarded = of(peer, trustedProxies, headers);
        return forwarded == null || forwarded.client() == null ? peer : forwarded.client();
    }

    /** {@code 192.0.2.60}, {@code 192.0.2.60:4711}, {@code [2001:db8::1]:4711}: the address alone. */
    public static String address(String node) {
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

    private static String first(String list) {
        return list == null ? null : list.split(",")[0].strip();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** A request's headers, by name, whatever the server's API. */
    @FunctionalInterface
    public interface HeaderSource {
        String value(String name);
    }
}
