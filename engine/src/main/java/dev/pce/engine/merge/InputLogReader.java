package dev.pce.engine.merge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a log file for a merge without opening it as a live {@link dev.pce.engine.log.EventLog}: inputs are
 * downloaded artifacts, never appended to, so a torn last line is reported rather than cut from the file.
 */
public final class InputLogReader {

    private InputLogReader() {
    }

    public static InputLog read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CeException(ErrorCode.IO, "Event log " + file + " does not exist.",
                    "Check the path; a CI job's log is its artifact's events.jsonl.", e);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Could not read event log " + file + ": " + e.getMessage() + ".",
                    "Check that the file is readable.", e);
        }
        List<Event> events = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                events.add(EventCodec.decode(bytes, lineStart, i - lineStart, file + " line " + (events.size() + 1)));
                lineStart = i + 1;
            }
        }
        Optional<TornLine> torn = lineStart < bytes.length
                ? Optional.of(new TornLine(lineStart, bytes.length - lineStart))
                : Optional.empty();
        return new InputLog(file, events, torn);
    }
}
