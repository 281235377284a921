package dev.pce.engine.service;

import dev.pce.engine.model.TaskStatus;

import java.util.List;

/**
 * A task that cannot be claimed yet, and why.
 *
 * @param waitingFor  the unfinished dependencies it waits for
 * @param failedCause the failed tasks upstream, when it is blocked for good
 */
public record BlockedTask(String id, String pool, TaskStatus status, List<String> waitingFor,
                          List<String> failedCause) {
}
