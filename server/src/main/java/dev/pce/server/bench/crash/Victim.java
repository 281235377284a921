package dev.pce.server.bench.crash;

import java.time.Duration;
import java.util.List;

/** A process that writes the event log until it is killed with SIGKILL at a moment of the run's choosing. */
sealed interface Victim permits AppenderVictim, ServerVictim {

    /** What kind of process it is, for the counts: {@code ce serve} or {@code appender}. */
    String kind();

    /**
     * Waits until it has acknowledged what it was started for (an appender an event, a server a completion); false
     * when it died or the time ran out first.
     */
    boolean awaitFirstAcknowledgement(Duration timeout) throws InterruptedException;

    /** SIGKILL ({@code destroyForcibly} on Linux), then waits until the process is gone and its output read. */
    void kill() throws InterruptedException;

    /** Everything it acknowledged before it died. */
    List<Acknowledgement> acknowledged();

    /** What went wrong before the kill: an error it answered or printed, an exit of its own. Empty when nothing. */
    List<String> troubles();

    /** Its stderr, for the report of a run that went wrong. */
    String describe();
}
