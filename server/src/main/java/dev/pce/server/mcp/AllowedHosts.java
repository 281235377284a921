package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names a request may use in its {@code Host} and {@code Origin} headers: {@code localhost}, an address of
 * 127.0.0.0/8 written as four decimal numbers, {@code [::1]}, the host the server listens on (unless it listens on
 * every interface) and the names given with {@code --allowed-host}. Each is matched exactly, without regard to case:
 * a name that merely starts like a loopback address ({@code 127.0.0.1.nip.io}, {@code 127.evil.example}) is a name a
 * page's owner controls, and is refused.
 *
 * @param names the allowed names besides the loopback ones, in lower case
 */
public record AllowedHosts(Set<String> names) {
    private static final Pattern DNS_NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    /** At least two colons: {@code [abc:8080]} is a name with a port. */
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f.]*:[0-9a-f.]*:[0-9a-f:.]*(%[a-z0-9._~-]+)?]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    public AllowedHosts {
        names = Set.copyOf(names);
    }

    /** The names of a server listening on {@code bound}, with the {@code configured} ones (checked by {@link #name}). */
    public static AllowedHosts of(InetSocketAddress bound, Collection<String> configured) {
        Set<String> names = new LinkedHashSet<>();
        if (!bound.getAddress().isAnyLocalAddress()) {
            // 0.0.0.0 is no name a client should use: browsers send it to this machine, past their own checks
            names.add(asHostName(bound.getHostString()));
        }
        configured.forEach(name -> names.add(name(name)));
        return new AllowedHosts(names);
    }

    /**
     * A name given with {@code --allowed-host}, in the form it takes in a {@code Host} header: lower case, an IPv6
     * address in brackets.
     *
     * @throws CeException INVALID_ARGUMENT for what no {@code Host} header could carry: empty, a port, a scheme, a
     *                     wildcard, other characters
     */
    public static String name(String given) {
        String lower = given.strip().toLowerCase(Locale.ROOT);
        String name = asHostName(lower);
        if (DNS_NAME.matcher(name).matches() || IPV6.matcher(name).matches()) {
            return name;
        }
        String problem = lower.isEmpty() ? "it is empty"
                : lower.contains("://") ? "it has a scheme"
                : lower.contains("*") ? "wildcards are not allowed: name each host"
                : lower.matches("([^:]+|\\[.*]):[0-9]+") ? "it has a port; any port of an allowed name is allowed"
                : "it is not a host name or address";
        throw new CeException(ErrorCode.INVALID_ARGUMENT, "--allowed-host " + HttpRefusal.quoted(given) + ": "
                + problem + ".", "Give a name as clients write it in the address, without scheme and port, for "
                + "example --allowed-host ce.team.example or --allowed-host 10.0.0.5.");
    }

    /** An IPv6 address in brackets, as it is written in a {@code Host} header; anything else as it is. */
    private static String asHostName(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code host}, a name without port ({@code [v6]} for an IPv6 address), is allowed. */
    public boolean allows(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return isLoopback(name) || names.contains(name);
    }

    /** {@code localhost}, {@code [::1]}, or an IPv4 address of 127.0.0.0/8 as four decimal numbers 0-255. */
    static boolean isLoopback(String name) {
        if (name.equals("localhost") || name.equals("[::1]")) {
            return true;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            // no leading zero: some resolvers read 0177 as octal
            if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * The host name of a {@code Host} header value ({@code name}, {@code name:port}, {@code [v6]} or
     * {@code [v6]:port}); empty when the value is none of these.
     */
    static Optional<String> hostOfHostHeader(String value) {
        String host = value.strip();
        int portColon;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            portColon = end + 1 < host.length() ? end + 1 : -1;
            if (portColon > 0 && host.charAt(portColon) != ':') {
                return Optional.empty();
            }
        } else {
            portColon = host.indexOf(':');
        }
        if (portColon >= 0 && !PORT.matcher(host.substring(portColon + 1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(portColon < 0 ? host : host.substring(0, portColon));
    }
}
