package dev.pce.engine.schedule;

/**
 * When a running task is expected to finish, by its estimate and the clock. Within its estimate: at start +
 * estimate. Past it: a little ahead of now, never at now (the work is not done, so the schedule must not count it
 * done), in steps of a tenth of the estimate: the first step boundary after now. The expectation then moves only
 * when the clock passes a boundary, so a schedule made in between stays valid until the next one ({@link
 * Schedule#nextChange}) and the ETA follows an overrun without a report.
 */
public final class ExpectedFinish {
    /** The step, as a share of the task's estimate, by which an overdue task's expected finish moves. */
    public static final double OVERRUN_STEP = 0.1;

    private ExpectedFinish() {
    }

    /** In minutes since the plan started, like the arguments; never before {@code now}. */
    public static double of(double start, double estimate, double now) {
        double due = start + estimate;
        double step = estimate * OVERRUN_STEP;
        if (due > now || !(step > 0)) {
            return Math.max(due, now);
        }
        double steps = Math.floor((now - due) / step) + 1;
        return due + steps * step;
    }
}
