package dev.pce.server.demo;

/** The demo could not finish: an agent or a server stopped. The message says which, and where the logs are. */
public final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
        super(message);
    }
}
