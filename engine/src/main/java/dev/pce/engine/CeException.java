package dev.pce.engine;

import java.util.Objects;

/**
 * A failure the user (an agent, a maintainer or a CI job) can act on: what went wrong, where, and how to fix it.
 * Every error that crosses the engine boundary is one of these; anything else is a bug.
 */
public final class CeException extends RuntimeException {

    private final ErrorCode code;
    private final String fix;

    public CeException(ErrorCode code, String message, String fix) {
        super(Objects.requireNonNull(message));
        this.code = Objects.requireNonNull(code);
        this.fix = Objects.requireNonNull(fix);
    }

    public CeException(ErrorCode code, String message, String fix, Throwable cause) {
        this(code, message, fix);
        initCause(cause);
    }

    public ErrorCode code() {
        return code;
    }

    /** How to fix it, as one sentence the caller can follow. */
    public String fix() {
        return fix;
    }

    /** The message and the fix in one line, for logs and plain-text tool output. */
    public String describe() {
        return getMessage() + " Fix: " + fix;
    }
}
