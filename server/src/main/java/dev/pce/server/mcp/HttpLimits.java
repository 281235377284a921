package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What keeps slow or many clients from holding the HTTP server for the others: a client that sends its request a
 * byte at a time holds a connection, and while its body comes, a thread.
 *
 * @param connections  the most connections open at once; more wait to be accepted. The server has a thread for
 *                     each, and some to spare, so connections cannot use up its threads
 * @param idle         a connection on which no byte moves for this long is closed, while it waits for a request or
 *                     in the middle of one (a GET's event stream waits for events, and is not closed); while the
 *                     server is at {@code connections}, {@code request} instead, if shorter
 * @param request      a request (its head and body) must be in within this of its first byte, plus
 * @param bodyRate     one second for each this many bytes received: a large body may take longer, one that comes a
 *                     few bytes a second may not
 */
public record HttpLimits(int connections, Duration idle, Duration request, int bodyRate) {
    public static final HttpLimits DEFAULTS = new HttpLimits(200, Duration.ofSeconds(30), Duration.ofSeconds(10),
            16 * 1024);
    /** The names of the limits, as {@code --limit NAME=VALUE} and {@code CE_HTTP_LIMITS} give them. */
    public static final String NAMES = "connections, idle, request, body-rate";
    /** Threads beyond one per connection: Jetty's acceptor and selectors, and work of its own. */
    private static final int SPARE_THREADS = 50;
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)");
    private static final Pattern RATE = Pattern.compile("([0-9]{1,9})(k?)");

    public HttpLimits {
        if (connections < 1 || idle.isNegative() || idle.isZero() || request.isNegative() || request.isZero()
                || bodyRate < 1) {
            throw new IllegalArgumentException("limits must be positive: " + connections + ", " + idle + ", "
                    + request + ", " + bodyRate);
        }
    }

    /** The most threads the server uses. */
    public int threads() {
        return connections + SPARE_THREADS;
    }

    /**
     * These limits with the given ones instead, by name: {@code connections=200}, {@code idle=30s},
     * {@code request=10s}, {@code body-rate=16k} (bytes per second; {@code k} is 1024). Durations are whole
     * {@code ms}, {@code s} or {@code m}.
     *
     * @param source where the limits come from, for the error: {@code --limit} or the variable's name
     * @throws CeException INVALID_ARGUMENT naming the limit and what it takes
     */
    public HttpLimits with(Map<String, String> limits, String source) {
        HttpLimits result = this;
        for (Map.Entry<String, String> limit : limits.entrySet()) {
            String value = limit.getValue().strip();
            result = switch (limit.getKey().strip()) {
                case "connections" -> new HttpLimits(positive(source, limit.getKey(), value,
                        Pattern.compile("([0-9]{1,5})()"), "a number of connections, e.g. 200"), result.idle,
                        result.request, result.bodyRate);
                case "idle" -> new HttpLimits(result.connections, duration(source, limit.getKey(), value),
                        result.request, result.bodyRate);
                case "request" -> new HttpLimits(result.connections, result.idle, duration(source, limit.getKey(),
                        value), result.bodyRate);
                case "body-rate" -> new HttpLimits(result.connections, result.idle, result.request,
                        positive(source, limit.getKey(), value, RATE, "bytes per second, e.g. 16k (k is 1024)"));
                default -> throw new CeException(ErrorCode.INVALID_ARGUMENT, source + ": there is no limit "
                        + HttpRefusal.quoted(limit.getKey()) + ".", "The limits are " + NAMES + ", e.g. "
                        + "connections=200,request=10s.");
            };
        }
        return result;
    }

    private static Duration duration(String source, String name, String value) {
        Matcher matcher = DURATION.matcher(value);
        long amount = matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
        if (amount == 0) {
            throw invalid(source, name, value, "a duration above 0 in ms, s or m, e.g. 10s");
        }
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static int positive(String source, String name, String value, Pattern pattern, String takes) {
        Matcher matcher = pattern.matcher(value);
        long amount = matcher.matches() ? Long.parseLong(matcher.group(1)) * (matcher.group(2).isEmpty() ? 1 : 1024)
                : 0;
        if (amount < 1 || amount > Integer.MAX_VALUE) {
            throw invalid(source, name, value, takes);
        }
        return (int) amount;
    }

    private static CeException invalid(String source, String name, String value, String takes) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, source + ": " + name + "=" + HttpRefusal.quoted(value)
                + " is not " + takes + ".", "Give " + name + " as " + takes + ".");
    }
}
