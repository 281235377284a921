package dev.pce.server.github.replay;

/**
 * {@code actions/cache/restore} and {@code actions/cache/save}, the two halves of {@code actions/cache} a workflow
 * can use on their own: released together (v4 is replayed), both require {@code key} and {@code path} (a missing
 * key is named first, as the action reads it first), and both work on the replay's {@link ActionsCache}.
 */
abstract class CacheAction implements Action {
    @Override
    public final boolean replays(String ref) {
        return Action.major(ref, "v4");
    }

    @Override
    public final void run(ActionStep step) throws Exception {
        String key = step.requiredInput("key");
        step.requiredInput("path");
        run(step, key, ActionsCache.of(step));
    }

    /** Restores or saves the entry {@code key} of {@code cache}; the step's {@code path} input is given. */
    abstract void run(ActionStep step, String key, ActionsCache cache) throws Exception;
}
