package org.reception.cases.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a trusted reverse proxy says of the request it passes on: the client's address, and the
 * scheme and host the client used, from {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host}. They are believed only when the peer is one of the proxies an operator
 * named: from anyone else they are ignored, so that no client can pass as another address (to slip
 * past the sign-in throttles) or name another host. Every HTTP face (REST, Open311, county
 * plugins, SOAP) reads them here.
 *
 * <p>What a client writes itself must not count. The client is therefore the nearest address in
 * {@code X-Forwarded-For} that is not one of the proxies (a proxy appends the address it saw), and
 * the scheme and host are the last values, which the nearest proxy sets. {@code Forwarded} (RFC 7239)
 * is not read: common proxies pass a client's own {@code Forwarded} on untouched while they keep
 * {@code X-Forwarded-For}, so believing it would let the client choose its address.
 *
 * @param client the nearest forwarded address that is not a trusted proxy; {@code null} if none was named
 * @param proto {@code http} or {@code https} as the client used it, or {@code null}
 * @param host the host (and port) the client asked for, or {@code null}
 */
public record ForwardedRequest(String client, String proto, String host) {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * What the proxy forwarded, or {@code null} when the peer is not a trusted proxy.
     *
     * @param headers a header's value by its name, {@code null} when absent
     */
    public static ForwardedRequest of(String peer, Set<String> trustedProxies, HeaderSource headers) {
        Set<String> trusted = canonical(trustedProxies);
        if (peer == null || !trusted.contains(canonical(peer))) {
            return null;
        }
        List<String> clients = new ArrayList<>();
        String forwardedFor = headers.value("X-Forwarded-For");
        if (forwardedFor != null) {
            for (String node : forwardedFor.split(",")) {
                clients.add(address(node));
            }
        }
        String client = null;
        for (int i = clients.size() - 1; i >= 0 && client == null; i--) {
            String node = clients.get(i);
            if (!node.isEmpty() && !trusted.contains(canonical(node))) {
                client = node;
            }
        }
        String proto = last(headers.value("X-Forwarded-Proto"));
        String host = last(headers.value("X-Forwarded-Host"));
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

    /**
     * One spelling of an IP address, so that {@code ::1}, {@code [0:0:0:0:0:0:0:1]} (as servlet
     * containers write a peer) and {@code 0:0::1} are the same proxy. Only literals are parsed: a
     * name is never looked up.
     */
    static String canonical(String address) {
        String value = address.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.contains(":") || isIpv4(value)) {
            try {
                return InetAddress.getByName(value).getHostAddress();
            } catch (UnknownHostException e) {
                return value;
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** Four octets of at most 255: anything else would be taken for a name, and looked up. */
    private static boolean isIpv4(String value) {
        if (!IPV4.matcher(value).matches()) {
            return false;
        }
        for (String octet : value.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> canonical(Set<String> addresses) {
        Set<String> canonical = new HashSet<>();
        for (String address : addresses) {
            canonical.add(canonical(address));
        }
        return canonical;
    }

    private static String last(String list) {
        if (list == null) {
            return null;
        }
        String[] values = list.split(",");
        return values[values.length - 1].strip();
    }

    /** A request's headers, by name, whatever the server's API. */
    @FunctionalInterface
    public interface HeaderSource {
        String value(String name);
    }
}
