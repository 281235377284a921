package dev.pce.server.bench.load;

/** The tool calls a load run times over stdio, each answer kind apart because their costs differ. */
public enum TimedTool {
    CLAIM("ce_claim", "task handed out"),
    CLAIM_NOTHING("ce_claim", "nothing ready"),
    COMPLETE("ce_complete", ""),
    FAIL("ce_fail", "retryable"),
    REPEAT("ce_complete/ce_fail", "repeated, duplicate"),
    EVENTS("ce_events", "since the agent's cursor, while it waits");

    private final String tool;
    private final String answer;

    TimedTool(String tool, String answer) {
        this.tool = tool;
        this.answer = answer;
    }

    public String label() {
        return answer.isEmpty() ? "`" + tool + "`" : "`" + tool + "` (" + answer + ")";
    }
}
