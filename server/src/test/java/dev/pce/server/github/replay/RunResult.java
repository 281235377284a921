package dev.pce.server.github.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replayed workflow run.
 *
 * @param runId      {@code github.run_id}, for a later run's {@code download-artifact} with {@code run-id}
 * @param conclusion failure when a job failed (one with {@code continue-on-error} does not count)
 * @param jobs       by job id, in the order they ran
 * @param outputs    a reusable workflow's {@code on.workflow_call.outputs} (empty for a top-level run)
 * @param artifacts  by name: the directory holding each uploaded artifact's files
 */
public record RunResult(String runId, Result conclusion, Map<String, JobResult> jobs, Map<String, String> outputs,
                        Map<String, Path> artifacts) {

    public JobResult job(String id) {
        JobResult job = jobs.get(id);
        if (job == null) {
            throw new AssertionError("no job '" + id + "' in the run; jobs: " + jobs.keySet());
        }
        return job;
    }

    /** Every annotation of every job, called workflows included. */
    public List<Annotation> annotations() {
        List<Annotation> all = new ArrayList<>();
        for (JobResult job : jobs.values()) {
            all.addAll(job.annotations());
            job.legs().forEach(leg -> leg.called().ifPresent(called -> all.addAll(called.annotations())));
        }
        return all;
    }

    /** Every leg's log, for an assertion's message. */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (JobResult job : jobs.values()) {
            log.append("=== ").append(job.id()).append(": ").append(job.result().text()).append(' ')
                    .append(job.annotations()).append('\n');
            job.legs().forEach(leg -> log.append(leg.log()));
        }
        return log.toString();
    }
}
