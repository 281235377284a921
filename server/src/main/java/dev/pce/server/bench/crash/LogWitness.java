package dev.pce.server.bench.crash;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.log.EventLog;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the event log the way any later reader does (the engine's own reader, complete lines only, every line
 * decoded and its seq checked) and tells which acknowledgements it does not hold. Reads on from where it stopped,
 * so checking after every kill costs only what was appended since.
 */
public final class LogWitness implements Closeable {
    private final EventLog log;
    private final Map<Long, String> idBySeq = new HashMap<>();
    private final Map<String, String> claimedTask = new HashMap<>();
    private final Map<String, String> completedTask = new HashMap<>();

    public LogWitness(Path eventsFile) {
        this.log = EventLog.open(eventsFile, Clock.systemUTC());
    }

    /** Reads what was appended since the last call; a line that cannot be read fails here, naming it. */
    public void catchUp() {
        for (Event event : log.readNew()) {
            idBySeq.put(event.seq(), event.id());
            if (event.payload() instanceof TaskClaimed claimed) {
                claimedTask.put(claimed.claimId(), claimed.taskId());
            } else if (event.payload() instanceof TaskCompleted completed) {
                completedTask.put(completed.claimId(), completed.taskId());
            }
        }
    }

    /** The acknowledgements the log does not hold, after catching up. */
    public List<Acknowledgement> missing(List<Acknowledgement> acknowledged) {
        catchUp();
        List<Acknowledgement> missing = new ArrayList<>();
        for (Acknowledgement acknowledgement : acknowledged) {
            boolean held = switch (acknowledgement) {
                case Acknowledgement.Tick tick -> Objects.equals(idBySeq.get(tick.seq()), tick.eventId());
                case Acknowledgement.Claim claim -> claim.taskId().equals(claimedTask.get(claim.claimId()));
                case Acknowledgement.Completion done -> done.taskId().equals(completedTask.get(done.claimId()));
            };
            if (!held) {
                missing.add(acknowledgement);
            }
        }
        return missing;
    }

    /** Events read so far. */
    public long events() {
        return log.lastSeq();
    }

    @Override
    public void close() {
        log.close();
    }
}
