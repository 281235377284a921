package dev.pce.engine.service;

import java.util.List;

/**
 * A task that cannot run because a task it depends on failed for good (waiting tasks name what they wait for in
 * their own view).
 *
 * @param waitingFor  the unfinished dependencies it waits for
 * @param failedCause the failed tasks upstream that block it
 */
public record BlockedTask(String id, String pool, List<String> waitingFor, List<String> failedCause) {
}
