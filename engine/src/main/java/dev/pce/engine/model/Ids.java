package dev.pce.engine.model;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Limits;

import java.util.regex.Pattern;

/** The shapes of identifiers. Workflow ids become directory names, so they are the strictest. */
public final class Ids {
    private static final Pattern WORKFLOW_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** What a name may hold after its first letter or digit: {@code [A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}}. */
    private static final String NAME_PUNCTUATION = "._:/@+-";
    private static final Pattern POOL = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private Ids() {
    }

    public static boolean isWorkflowId(String value) {
        return WORKFLOW_ID.matcher(value).matches();
    }

    /** Task ids, agent names, claim ids. */
    public static boolean isName(String value) {
        // [A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}, checked char by char: a plan's ids and dependencies are checked a few hundred thousand
        // times per large ce_plan, and the regex's matcher took a tenth of reading the plan
        int length = value.length();
        if (length == 0 || length > Limits.MAX_ID_LENGTH || !isAsciiLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isAsciiLetterOrDigit(c) && NAME_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    public static boolean isPool(String value) {
        return POOL.matcher(value).matches();
    }

    public static String requireWorkflowId(String value, String field) {
        if (!isWorkflowId(value)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT,
                    field + " '" + clip(value) + "' is not a workflow id.",
                    "Use the workflow_id returned by ce_plan (letters, digits, '.', '_', '-'; at most "
                            + Limits.MAX_ID_LENGTH + " characters); ce_status without arguments lists them.");
        }
        return value;
    }

    public static String requireName(String value, String field) {
        if (!isName(value)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, field + " '" + clip(value) + "' is not a valid name.",
                    "Start with a letter or digit and use only letters, digits and . _ : / @ + - (at most "
                            + Limits.MAX_ID_LENGTH + " characters).");
        }
        return value;
    }

    public static String requirePool(String value, String field) {
        if (!isPool(value)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, field + " '" + clip(value) + "' is not a pool name.",
                    "Use a lower-case name such as planners, builders or reviewers (a-z, 0-9, '_', '-').");
        }
        return value;
    }

    /** Shortens user input quoted in an error so a huge value cannot flood the message. */
    public static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
