package dev.pce.engine.schedule;

/**
 * One task of a schedule: where and when it runs.
 *
 * @param slot    the slot of the pool, from 0; a task running beyond the pool's slots (over-claimed) gets the next
 *                numbers
 * @param start   minutes since the plan started; for a running task, when it started
 * @param finish  expected finish, in minutes since the plan started
 * @param running whether the task was already running when the schedule was made
 */
public record ScheduledTask(String id, String pool, int slot, double start, double finish, boolean running) {
}
