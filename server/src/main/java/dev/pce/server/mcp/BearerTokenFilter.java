package dev.pce.server.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Refuses, with 401, every request without {@code Authorization: Bearer <token>}. The scheme is matched without
 * regard to case ({@code bearer} too, RFC 9110 section 11.1, RFC 6750), the token exactly and in constant time.
 */
record BearerTokenFilter(String token) implements Filter {
    private static final String SCHEME = "Bearer";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Optional<HttpRefusal> refusal = refusal(http.getHeader("Authorization"));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refusal.get().send(http, (HttpServletResponse) response);
    }

    /** Why a request with this {@code Authorization} header value is refused; empty when it is not. */
    Optional<HttpRefusal> refusal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(HttpRefusal.missingToken());
        }
        // credentials = auth-scheme 1*SP token68
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            // a value without a scheme may be the token itself: never quoted back
            return Optional.of(space < 0 ? HttpRefusal.noScheme() : HttpRefusal.otherScheme(scheme));
        }
        String presented = space < 0 ? "" : value.substring(space).strip();
        // constant time: isEqual's time depends on the length of its first argument only, which is the guess's
        // own, so it tells nothing of how much of the token was right
        if (MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(HttpRefusal.wrongToken());
    }
}
