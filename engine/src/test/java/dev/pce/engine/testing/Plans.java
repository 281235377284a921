package dev.pce.engine.testing;

import dev.pce.engine.model.TaskSpec;

import java.util.Arrays;
import java.util.List;

/**
 * Builds plans for tests: {@code Plans.of(task("a"), task("b").dependsOn("a"))}. A task defaults to kind
 * {@code build} and, unless a pool is given, the pool of its kind (as a validated plan would have).
 */
public final class Plans {

    private Plans() {
    }

    public static Task task(String id) {
        return new Task(id);
    }

    public static List<TaskSpec> of(Task... tasks) {
        return Arrays.stream(tasks).map(Task::build).toList();
    }

    /** {@code count} independent tasks t1..tN of one pool. */
    public static List<TaskSpec> independent(int count, String kind) {
        Task[] tasks = new Task[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = task("t" + (i + 1)).kind(kind);
        }
        return of(tasks);
    }

    /** A mutable builder of one {@link TaskSpec}. */
    public static final class Task {
        private final String id;
        private String title;
        private String kind = "build";
        private String pool;
        private double estimateMinutes = 30;
        private List<String> dependsOn = List.of();
        private List<String> writes = List.of();

        private Task(String id) {
            this.id = id;
            this.title = "Do " + id;
        }

        public Task title(String value) {
            title = value;
            return this;
        }

        public Task kind(String value) {
            kind = value;
            return this;
        }

        /** An explicit pool; {@code ""} leaves it to the validator to derive from the kind. */
        public Task pool(String value) {
            pool = value;
            return this;
        }

        public Task estimate(double minutes) {
            estimateMinutes = minutes;
            return this;
        }

        public Task dependsOn(String... ids) {
            dependsOn = List.of(ids);
            return this;
        }

        public Task writes(String... paths) {
            writes = List.of(paths);
            return this;
        }

        public TaskSpec build() {
            return TaskSpec.builder(id, kind).title(title).pool(pool).estimate(estimateMinutes)
                    .dependsOn(dependsOn.toArray(String[]::new)).writes(writes.toArray(String[]::new)).build();
        }
    }
}
