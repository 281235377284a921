package dev.pce.engine.schedule;

import java.util.ArrayList;

/** Which tasks can never run: those failed for good and the pending tasks that wait for them, directly or not. */
final class Failures {

    private Failures() {
    }

    /** @param states each task's {@link Progress} state */
    static boolean[] blocked(TaskGraph graph, byte[] states) {
        boolean[] blocked = new boolean[states.length];
        ArrayList<Integer> stack = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            if (states[i] == Progress.FAILED) {
                blocked[i] = true;
                stack.add(i);
            }
        }
        while (!stack.isEmpty()) {
            int task = stack.remove(stack.size() - 1);
            for (Ints successors : new Ints[] {graph.hardSuccessors(task), graph.softSuccessors(task)}) {
                for (int i = 0; i < successors.size(); i++) {
                    int next = successors.get(i);
                    if (states[next] == Progress.PENDING && !blocked[next]) {
                        blocked[next] = true;
                        stack.add(next);
                    }
                }
            }
        }
        return blocked;
    }
}
