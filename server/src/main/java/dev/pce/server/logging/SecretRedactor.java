package dev.pce.server.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in log lines. A log line can quote what a client sent (an error names the bad value) or an
 * exception's message, and log files get attached to bug reports; so before a line is written, credentials in the
 * well-known shapes, the values of {@code key=value} pairs whose key names a secret, and the exact values of this
 * process's secret environment variables are replaced by {@value #MASK}.
 */
public final class SecretRedactor {
    public static final String MASK = "[REDACTED]";

    /** Shorter values are not masked: masking "1234" everywhere would garble the log and protect nothing. */
    static final int MIN_SECRET_LENGTH = 8;

    /** Words in an environment variable's name (lower case) that say it holds a secret. */
    private static final List<String> SECRET_NAME_WORDS = List.of("token", "secret", "password", "passwd", "apikey",
            "api_key", "accesskey", "access_key", "privatekey", "private_key", "credential");

    /**
     * Text every credential shape below starts with, case as written: a line without any of them cannot match a
     * shape, so it skips the regular expressions (most lines, and every line logged while the server starts).
     */
    private static final List<String> SHAPE_MARKS = List.of("-----BEGIN ", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
            "github_pat_", "glpat-", "sk-", "xox", "AKIA", "ASIA", "AIza", "npm_", "eyJ");

    /** The same for the key and scheme patterns, which ignore case: words of the line in lower case. */
    private static final List<String> KEY_MARKS = List.of("bearer", "basic", "passw", "pwd", "secret", "token",
            "api_key", "api-key", "apikey", "access_key", "access-key", "accesskey", "private_key", "private-key",
            "privatekey", "credential");

    /** Compiled when a line first needs them, not while the server starts. */
    static final class Patterns {
        /** Credentials recognisable by their shape alone. */
        private static final List<Pattern> SHAPES = List.of(
                Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
                Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
                Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
                Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
                Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}"),
                Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
                Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
                Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
                Pattern.compile("\\bnpm_[A-Za-z0-9]{36}"),
                Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));

        /** {@code Authorization: Bearer x}, {@code bearer x}: the scheme stays, the credential goes. */
        private static final Pattern SCHEME_CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)"
                + "([A-Za-z0-9._~+/=-]{" + MIN_SECRET_LENGTH + ",})");

        /** {@code password=x}, {@code "api_key": "x"}, {@code client-secret: x}: the key stays, the value goes. */
        private static final Pattern SECRET_ASSIGNMENT = Pattern.compile("(?i)\\b([A-Za-z0-9_.-]*(?:passw(?:or)?d"
                + "|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[\"']?)"
                + "(\\s*[:=]\\s*[\"']?)([^\\s\"',;&}\\]]{4,})");

        private Patterns() {
        }

        /** Masks every shape, scheme credential and secret-named key's value in {@code text}. */
        static String mask(String text) {
            String masked = text;
            for (Pattern shape : SHAPES) {
                masked = shape.matcher(masked).replaceAll(MASK);
            }
            masked = SCHEME_CREDENTIAL.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(
                    match.group(1) + match.group(2) + MASK));
            return SECRET_ASSIGNMENT.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(
                    match.group(1) + match.group(2) + MASK));
        }
    }

    private final List<String> literals;

    private SecretRedactor(List<String> literals) {
        // longest first, so a secret containing another is masked whole
        this.literals = literals.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Masks the shapes above and the values of environment variables whose names say they hold a secret. */
    public static SecretRedactor fromEnvironment(Map<String, String> environment) {
        List<String> values = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (value != null && value.strip().length() >= MIN_SECRET_LENGTH
                    && containsAny(name.toLowerCase(Locale.ROOT), SECRET_NAME_WORDS)) {
                values.add(value.strip());
            }
        });
        return new SecretRedactor(values);
    }

    /** This redactor, also masking {@code secret} wherever it appears (a token given on the command line). */
    public SecretRedactor alsoMasking(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            return this;
        }
        List<String> more = new ArrayList<>(literals);
        more.add(secret.strip());
        return new SecretRedactor(more);
    }

    public String redact(String text) {
        String masked = text;
        for (String literal : literals) {
            masked = masked.replace(literal, MASK);
        }
        return mayHoldCredential(masked) ? Patterns.mask(masked) : masked;
    }

    /** False only when no pattern of {@link Patterns} can match: the text lacks the marks they all start with. */
    static boolean mayHoldCredential(String text) {
        return containsAny(text, SHAPE_MARKS) || containsAny(text.toLowerCase(Locale.ROOT), KEY_MARKS);
    }

    private static boolean containsAny(String text, List<String> marks) {
        for (String mark : marks) {
            if (text.contains(mark)) {
                return true;
            }
        }
        return false;
    }
}
