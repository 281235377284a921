package dev.pce.server.github.replay;

/** An expression that does not parse or cannot be evaluated, in GitHub's words; the caller adds where it is. */
final class ExpressionException extends RuntimeException {
    ExpressionException(String message) {
        super(message);
    }
}
