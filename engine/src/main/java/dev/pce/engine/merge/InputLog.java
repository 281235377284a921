package dev.pce.engine.merge;

import dev.pce.engine.event.Event;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One input of a merge: the complete events of a log file, in file order, and its torn tail if it has one. */
public record InputLog(Path file, List<Event> events, Optional<TornLine> tornLine) {

    public InputLog {
        Objects.requireNonNull(file, "file");
        events = List.copyOf(events);
        Objects.requireNonNull(tornLine, "tornLine");
    }
}
