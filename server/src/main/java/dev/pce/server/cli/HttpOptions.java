package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.server.mcp.AllowedHosts;
import dev.pce.server.mcp.HttpLimits;
import dev.pce.server.mcp.Serving;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP options of {@code ce serve}, each from its option or else its environment variable: {@code --http
 * [HOST:]PORT}, the bearer token, the allowed host names and the limits. Refuses to serve beyond the loopback
 * interface without a token, and a token no client could send.
 */
final class HttpOptions {
    /** The bearer token, when --token is not given. */
    static final String TOKEN_VARIABLE = "CE_HTTP_TOKEN";
    /** More allowed host names, separated by commas. */
    static final String HOSTS_VARIABLE = "CE_HTTP_ALLOWED_HOSTS";
    /** Limits NAME=VALUE separated by commas; --limit wins name by name. */
    static final String LIMITS_VARIABLE = "CE_HTTP_LIMITS";

    private HttpOptions() {
    }

    static Serving.Http serving(String http, Optional<String> token, List<String> allowedHosts,
                                Map<String, String> limits, Map<String, String> environment) {
        InetSocketAddress address = address(http);
        Optional<String> secret = token(token, Optional.ofNullable(environment.get(TOKEN_VARIABLE)));
        if (!address.getAddress().isLoopbackAddress() && secret.isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--http " + http + " is reachable beyond this machine, "
                    + "and no bearer token is set.", "Give --token (or set " + TOKEN_VARIABLE
                    + "), or bind to 127.0.0.1.");
        }
        List<String> hosts = new ArrayList<>();
        listed(environment.get(HOSTS_VARIABLE)).forEach(name -> hosts.add(AllowedHosts.name(name)));
        allowedHosts.forEach(name -> hosts.add(AllowedHosts.name(name)));
        HttpLimits bounds = HttpLimits.DEFAULTS.with(pairs(environment.get(LIMITS_VARIABLE)), LIMITS_VARIABLE)
                .with(limits, "--limit");
        return new Serving.Http(address, secret, hosts, bounds);
    }

    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
        String portText = colon < 0 ? text : text.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw invalid(text, "the port '" + portText + "' is not a number");
        }
        if (port < 0 || port > 65_535) {
            throw invalid(text, "the port " + port + " is outside 0..65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host.isEmpty() ? "0.0.0.0" : host), port);
        } catch (UnknownHostException e) {
            throw invalid(text, "the host '" + host + "' is unknown");
        }
    }

    /**
     * The token of --token, else of the variable. An empty one would make the server refuse every request, one
     * with spaces around it or a control character in it cannot be sent as it is: both are refused at the start.
     */
    private static Optional<String> token(Optional<String> option, Optional<String> variable) {
        String source = option.isPresent() ? "--token" : TOKEN_VARIABLE;
        return option.or(() -> variable).map(token -> {
            String problem = token.isBlank() ? "is empty"
                    : !token.equals(token.strip()) ? "starts or ends with a space"
                    : token.chars().anyMatch(Character::isISOControl) ? "holds a control character"
                    : "";
            if (!problem.isEmpty()) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "The bearer token of " + source + " " + problem
                        + ": no client could send it in 'Authorization: Bearer <token>'.", "Give a token of "
                        + "letters, digits and -._~+/ such as one 'openssl rand -hex 32' prints; or, on a loopback "
                        + "address, serve without a token by leaving " + source + " out.");
            }
            return token;
        });
    }

    private static List<String> listed(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    private static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : listed(value)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, LIMITS_VARIABLE + ": " + pair.strip()
                        + " has no value.", "Give NAME=VALUE pairs separated by commas, e.g. "
                        + "connections=200,request=10s; the limits are " + HttpLimits.NAMES + ".");
            }
            pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return pairs;
    }

    private static CeException invalid(String text, String problem) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, "--http " + text + ": " + problem + ".",
                "Give [HOST:]PORT, for example 127.0.0.1:8765 or 8765.");
    }
}
