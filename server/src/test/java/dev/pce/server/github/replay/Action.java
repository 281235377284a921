package dev.pce.server.github.replay;

import java.util.Map;

/**
 * An action a {@code uses:} step names, replayed by its documented effect on the job (one class per action; the
 * registry is {@link Actions}).
 */
interface Action {

    /** {@code owner/name}, as a step writes it before the {@code @}. */
    String name();

    /** The inputs the action declares, each with its default ("" for none); others get GitHub's warning. */
    Map<String, String> inputs();

    /** Whether this replay follows the version {@code ref} names ({@code v4}, {@code v4.1.0}, a commit). */
    boolean replays(String ref);

    /**
     * Does what the action does.
     *
     * @throws StepFailure when the action fails the step, with its message
     */
    void run(ActionStep step) throws Exception;

    /** The action failed the step; the message becomes an error annotation. */
    final class StepFailure extends Exception {
        StepFailure(String message) {
            super(message);
        }
    }

    /** Whether {@code ref} is {@code major} or a version within it ({@code v4}, {@code v4.2.1}). */
    static boolean major(String ref, String major) {
        return ref.equals(major) || ref.startsWith(major + ".");
    }
}
