package dev.pce.server.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.server.bench.Samples;
import dev.pce.server.bench.TimedCalls;
import dev.pce.server.bench.TimedCalls.Timed;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.McpClientException;
import dev.pce.server.client.McpStdioClient.ToolResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated agent of a pool. It drives the tools as a Claude Code subagent does, without any work between
 * them: it claims its pool's next ready task, fails it (retryable) when the plan says this attempt fails, else
 * completes it, and writes every acknowledged transition into the ledger. When it finds nothing ready it reads the
 * events since its cursor with {@code ce_events}, as the README's agent loop suggests, once per wait. Some reports
 * are sent twice, as after a lost answer: the repeat must be answered {@code duplicate: true}. The claim the plan names is taken under a
 * one-second lease and reported only around the moment the lease runs out, racing with another agent of the pool
 * that takes the task over: the report is kept if it comes first, and refused ({@code CONFLICT}) otherwise.
 */
final class LoadAgent implements Runnable {
    /** Long enough that no lease of a working agent runs out, even on a machine that stalls. */
    static final int LEASE_SECONDS = 600;
    static final int ABANDONED_LEASE_SECONDS = 1;
    private static final double REPEAT_REPORT = 0.02;
    /** An abandoned claim is reported at a random moment from 500 ms before its lease ends to 300 ms after. */
    private static final long EARLY_MILLIS = 500;
    private static final long LATE_SPREAD_MILLIS = 800;
    private static final long MAX_BACKOFF_MILLIS = 16;
    private static final int EVENTS_PAGE = 100;

    private final String name;
    private final String pool;
    private final String workflowId;
    private final McpStdioClient client;
    private final LoadPlan plan;
    private final LoadLedger ledger;
    private final AtomicBoolean stop;
    private final Random random;
    /** Which of its claims (1-based) this agent abandons; 0 for none. */
    private final int abandonedClaim;
    private final Map<TimedTool, Samples> latencies = new EnumMap<>(TimedTool.class);
    /** The last seq this agent read with ce_events; it starts after the plan (seq 1), which it does not need. */
    private long cursor = 1;

    LoadAgent(String name, String pool, String workflowId, McpStdioClient client, LoadPlan plan, LoadLedger ledger,
              AtomicBoolean stop, long seed, int abandonedClaim) {
        this.name = name;
        this.pool = pool;
        this.workflowId = workflowId;
        this.client = client;
        this.plan = plan;
        this.ledger = ledger;
        this.stop = stop;
        this.random = new Random(seed);
        this.abandonedClaim = abandonedClaim;
    }

    @Override
    public void run() {
        try {
            work();
        } catch (McpClientException e) {
            ledger.violation(Check.TOOL_ERROR, name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            ledger.violation(Check.TOOL_ERROR, name + " stopped on an answer it could not use: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ledger.addLatencies(latencies);
        }
    }

    /** Claims until the workflow is no longer active (or the run is stopped, or a claim fails). */
    private void work() throws InterruptedException {
        long backoff = 1;
        int claims = 0;
        boolean waiting = false;
        while (!stop.get()) {
            boolean abandon = claims + 1 == abandonedClaim;
            Timed timed = TimedCalls.timed(client, "ce_claim", args().put("pool", pool)
                    .put("lease_seconds", abandon ? ABANDONED_LEASE_SECONDS : LEASE_SECONDS));
            if (timed.response().isError()) {
                ledger.violation(Check.TOOL_ERROR, name + ": ce_claim failed: " + timed.response().text());
                return;
            }
            JsonNode answer = timed.response().structured();
            if (!answer.path("claimed").asBoolean()) {
                record(TimedTool.CLAIM_NOTHING, timed);
                if (!answer.path("workflow_phase").asText().equals("active")) {
                    return;
                }
                // nothing ready: another agent's report makes something ready soon; see what happened meanwhile
                if (!waiting) {
                    watchEvents();
                    waiting = true;
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                continue;
            }
            record(TimedTool.CLAIM, timed);
            claims++;
            backoff = 1;
            waiting = false;
            JsonNode task = answer.path("task");
            String taskId = task.path("spec").path("id").asText();
            String claimId = task.path("claim_id").asText();
            ledger.acknowledged(new Transition.Claimed(taskId, claimId, name));
            answer.path("expired_leases").forEach(expired ->
                    ledger.acknowledged(new Transition.Expired(expired.asText(), claimId)));
            if (abandon) {
                ledger.abandoned(claimId);
                reportAtLeaseEnd(taskId, claimId, Instant.parse(task.path("lease_until").asText()));
            } else {
                report(taskId, claimId, task.path("attempt").asInt());
            }
        }
    }

    /**
     * Reads the events after the cursor. Every read first takes in what other processes appended, without the
     * log's lock and while they append, so each page must be whole: the seqs after the cursor, in order. The ids
     * are checked against the log later.
     */
    private void watchEvents() {
        Timed timed = TimedCalls.timed(client, "ce_events", Json.mapper().createObjectNode()
                .put("workflow_id", workflowId).put("after", cursor).put("limit", EVENTS_PAGE));
        record(TimedTool.EVENTS, timed);
        if (timed.response().isError()) {
            ledger.violation(Check.TOOL_ERROR, name + ": ce_events after " + cursor + " failed: "
                    + timed.response().text());
            return;
        }
        JsonNode page = timed.response().structured();
        long expected = cursor + 1;
        for (JsonNode event : page.path("events")) {
            long seq = event.path("seq").asLong();
            if (seq != expected) {
                ledger.violation(Check.READS, name + ": ce_events after " + cursor + " answered seq " + seq
                        + " where seq " + expected + " was due");
                return;
            }
            ledger.saw(new SeenEvent(seq, event.path("id").asText(), name));
            expected++;
        }
        cursor = page.path("next_after").asLong(cursor);
    }

    private void report(String taskId, String claimId, int attempt) {
        boolean fail = ledger.failuresSoFar(taskId) < plan.failures().getOrDefault(taskId, 0)
                && attempt < FailCommand.MAX_ATTEMPTS;
        String tool = fail ? "ce_fail" : "ce_complete";
        ObjectNode arguments = args().put("task_id", taskId).put("claim_id", claimId);
        if (fail) {
            arguments.put("reason", "seeded failure").put("retryable", true);
        } else {
            arguments.put("summary", "done by " + name);
        }
        Timed timed = TimedCalls.timed(client, tool, arguments);
        record(fail ? TimedTool.FAIL : TimedTool.COMPLETE, timed);
        if (!recorded(tool, taskId, claimId, timed.response(), false)) {
            return;
        }
        if (fail && !timed.response().structured().path("will_retry").asBoolean()) {
            ledger.violation(Check.TOOL_ERROR, name + ": ce_fail of " + taskId + " (claim " + claimId
                    + ") did not send the task back to its pool");
        }
        ledger.acknowledged(fail ? new Transition.Failed(taskId, claimId) : new Transition.Completed(taskId, claimId));
        if (random.nextDouble() < REPEAT_REPORT) {
            Timed again = TimedCalls.timed(client, tool, arguments);
            record(TimedTool.REPEAT, again);
            ledger.repeated();
            recorded(tool, taskId, claimId, again.response(), true);
        }
    }

    /** Completes an abandoned claim around the end of its lease: kept if no agent took the task over first. */
    private void reportAtLeaseEnd(String taskId, String claimId, Instant leaseUntil) throws InterruptedException {
        long offset = random.nextLong(LATE_SPREAD_MILLIS) - EARLY_MILLIS;
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), leaseUntil).toMillis() + offset));
        ToolResponse response = client.callTool("ce_complete", args().put("task_id", taskId).put("claim_id", claimId)
                .put("summary", "done by " + name + " as its lease ran out"));
        if (response.isError() && response.text().contains("[CONFLICT]")) {
            ledger.lateReport(false); // another agent took the task over first
        } else if (recorded("ce_complete", taskId, claimId, response, false)) {
            ledger.acknowledged(new Transition.Completed(taskId, claimId));
            ledger.lateReport(true);
        }
    }

    /**
     * Whether the report was recorded, and a repeat recognised as one ({@code duplicate: true}); records a
     * violation otherwise.
     */
    private boolean recorded(String tool, String taskId, String claimId, ToolResponse response, boolean repeat) {
        String call = name + ": " + tool + (repeat ? " repeated" : "") + " of " + taskId + " (claim " + claimId + ")";
        if (response.isError()) {
            ledger.violation(Check.TOOL_ERROR, call + " failed: " + response.text());
            return false;
        }
        if (response.structured().path("duplicate").asBoolean() != repeat) {
            ledger.violation(repeat ? Check.DUPLICATED : Check.TOOL_ERROR, call + " answered duplicate: " + !repeat);
            return false;
        }
        return true;
    }

    private void record(TimedTool tool, Timed timed) {
        latencies.computeIfAbsent(tool, t -> new Samples()).add(timed.nanos());
    }

    private ObjectNode args() {
        return Json.mapper().createObjectNode().put("workflow_id", workflowId).put("agent", name);
    }
}
