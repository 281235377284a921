package dev.pce.engine.evidence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pce.engine.Json;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads SARIF 2.1.0 logs of linters and security scanners into findings of dimension LINT or SECURITY.
 *
 * <p><b>Security or lint.</b> A result is SECURITY when its rule has a {@code security-severity} property, or its
 * rule's or its own {@code properties.tags} contain "security", or its rule's {@code properties.category} is
 * "security" (Semgrep), or the run's tool is a dedicated security scanner ({@link #SECURITY_SCANNERS}, matched on
 * the first word of {@code tool.driver.name}). Everything else is LINT.
 *
 * <p><b>Severity.</b> A {@code security-severity} (a number 0..10) above 0 decides it: 9+ CRITICAL, 7+ HIGH, 4+
 * MEDIUM, else LOW. Otherwise the level decides: error HIGH, warning MEDIUM, note LOW, none INFO. The level is the
 * result's {@code level}, else its rule's {@code defaultConfiguration.level}, else "warning" ("none" for results
 * whose {@code kind} is not "fail", as SARIF says).
 *
 * <p><b>Left out.</b> Results of kind "pass" or "notApplicable", results suppressed in the source or accepted as
 * suppressed ({@code suppressions} with no status or status "accepted"), and results with baselineState "absent":
 * none of them is a problem in the code as it is.
 *
 * <p><b>Dimensions covered.</b> A run covers the dimensions of its rules and results, so a clean run still says
 * "lint: 0 findings". A run with neither rules nor results covers SECURITY if its tool is a security scanner, else
 * LINT.
 *
 * <p>A run without {@code results} did not analyse (SARIF's own rule), and an invocation with
 * {@code executionSuccessful: false} failed: both make the file a problem.
 */
public final class SarifFormat implements EvidenceFormat {

    /** Tools whose every result is a security finding (first word of the driver name, lower case). */
    public static final Set<String> SECURITY_SCANNERS = Set.of("trivy", "grype", "gitleaks", "trufflehog", "gosec",
            "bandit", "snyk", "checkov", "tfsec", "kics", "osv-scanner", "dependency-check");

    private static final String VERSION = "2.1.0";
    private static final Set<String> LEVELS = Set.of("error", "warning", "note", "none");
    private static final String REGENERATE = "regenerate the log with the tool; see the SARIF 2.1.0 specification, "
            + "section 3";
    private static final ObjectReader READER = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String NAME = "SARIF";

    /** A log that covers no dimension (no rules, no results) concerns both: no gate passes because of it. */
    private static final FormatProfile PROFILE = new FormatProfile(NAME, ContentSignature.jsonObject(),
            List.of("*.sarif", "*.sarif.json"), List.of("*sarif*"), EnumSet.of(Dimension.LINT, Dimension.SECURITY));

    @Override
    public FormatProfile profile() {
        return PROFILE;
    }

    @Override
    public Set<Dimension> dimensionsOf(ParsedFile parsed) {
        return parsed instanceof AnalysisResults analysis && !analysis.dimensions().isEmpty() ? analysis.dimensions()
                : dimensions();
    }

    @Override
    public AnalysisResults parse(String source, byte[] content) throws MalformedEvidenceException {
        JsonNode log = readJson(content);
        if (!log.isObject() || !log.has("version") && !log.has("runs")) {
            throw new MalformedEvidenceException("", "the file is JSON but not a SARIF log (no \"version\" and "
                    + "\"runs\"); SARIF is the only JSON evidence PCE reads", "pass the tool's SARIF output (most "
                    + "analyzers: --format sarif)");
        }
        JsonNode version = log.get("version");
        if (version == null || !version.isTextual() || !version.asText().equals(VERSION)) {
            throw new MalformedEvidenceException("version", "SARIF version " + (version == null ? "is missing"
                    : version + " is not supported") + "; PCE reads SARIF " + VERSION, "produce SARIF " + VERSION
                    + " (upgrade the tool or its SARIF formatter)");
        }
        JsonNode runs = log.get("runs");
        if (runs == null || !runs.isArray() || runs.isEmpty()) {
            throw new MalformedEvidenceException("runs", "the log has no runs, so no tool's analysis is in it",
                    "check that the analysis ran; a SARIF log has one run per tool");
        }
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            new Run(source, runs.get(i), "runs[" + i + "]").read(dimensions, findings);
        }
        return new AnalysisResults(source, dimensions, findings);
    }

    private static JsonNode readJson(byte[] content) throws MalformedEvidenceException {
        try {
            return READER.readValue(content);
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            String where = location == null || location.getLineNr() <= 0 ? ""
                    : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new MalformedEvidenceException(where, "the file is not valid JSON (" + e.getOriginalMessage()
                    + ")", "regenerate the log; a cut-off file usually means the tool was killed or timed out "
                    + "while writing it");
        } catch (IOException e) {
            throw new MalformedEvidenceException("", "the file cannot be read as JSON (" + e.getMessage() + ")",
                    "regenerate the log");
        }
    }

    /** What a result needs to know about its rule. */
    private record Rule(String id, String description, String defaultLevel, OptionalDouble securitySeverity,
                        boolean securityTagged) {

        boolean security() {
            return securitySeverity.isPresent() || securityTagged;
        }
    }

    /** One run: one tool's analysis. */
    private static final class Run {
        private final String source;
        private final JsonNode run;
        private final String path;
        private final Map<String, Rule> rulesById = new HashMap<>();
        private final List<Rule> driverRules = new ArrayList<>();
        private boolean scanner;

        Run(String source, JsonNode run, String path) {
            this.source = source;
            this.run = run;
            this.path = path;
        }

        void read(Set<Dimension> dimensions, List<Finding> findings) throws MalformedEvidenceException {
            object(run, path);
            JsonNode driver = object(run.path("tool").path("driver"), path + ".tool.driver");
            String tool = text(driver, "name", path + ".tool.driver");
            if (tool == null || tool.isBlank()) {
                throw new MalformedEvidenceException(path + ".tool.driver.name", "the tool has no name", REGENERATE);
            }
            scanner = SECURITY_SCANNERS.contains(tool.strip().split("\\s+")[0].toLowerCase(Locale.ROOT));
            checkInvocations(tool);
            readRules(driver.get("rules"), path + ".tool.driver.rules", true);
            JsonNode extensions = optionalArray(run.path("tool").get("extensions"), path + ".tool.extensions");
            for (int i = 0; i < extensions.size(); i++) {
                String extension = path + ".tool.extensions[" + i + "]";
                readRules(object(extensions.get(i), extension).get("rules"), extension + ".rules", false);
            }
            JsonNode results = run.get("results");
            if (results == null || results.isNull()) {
                throw new MalformedEvidenceException(path + ".results", "the run of " + tool + " has no results "
                        + "array, which in SARIF means the tool did not analyse", "check the tool's log; a clean "
                        + "analysis writes \"results\": []");
            }
            array(results, path + ".results");
            Set<Dimension> covered = EnumSet.noneOf(Dimension.class);
            for (Rule rule : rulesById.values()) {
                covered.add(dimension(rule, false));
            }
            for (int i = 0; i < results.size(); i++) {
                Finding finding = result(results.get(i), path + ".results[" + i + "]");
                if (finding != null) {
                    covered.add(finding.dimension());
                    findings.add(finding);
                }
            }
            if (covered.isEmpty()) {
                covered.add(scanner ? Dimension.SECURITY : Dimension.LINT);
            }
            dimensions.addAll(covered);
        }

        private void checkInvocations(String tool) throws MalformedEvidenceException {
            JsonNode invocations = optionalArray(run.get("invocations"), path + ".invocations");
            for (int i = 0; i < invocations.size(); i++) {
                JsonNode success = invocations.get(i).path("executionSuccessful");
                if (success.isBoolean() && !success.booleanValue()) {
                    throw new MalformedEvidenceException(path + ".invocations[" + i + "]", tool + " reports that "
                            + "its run failed (executionSuccessful: false)", "look at the notifications in the log "
                            + "and the tool's output, fix the run and scan again");
                }
            }
        }

        private void readRules(JsonNode rules, String rulesPath, boolean driver) throws MalformedEvidenceException {
            JsonNode list = optionalArray(rules, rulesPath);
            for (int i = 0; i < list.size(); i++) {
                String rulePath = rulesPath + "[" + i + "]";
                JsonNode node = object(list.get(i), rulePath);
                String id = text(node, "id", rulePath);
                if (id == null) {
                    throw new MalformedEvidenceException(rulePath, "the rule has no id", REGENERATE);
                }
                JsonNode properties = node.path("properties");
                String defaultLevel = level(node.path("defaultConfiguration"), rulePath + ".defaultConfiguration");
                Rule rule = new Rule(id, node.path("shortDescription").path("text").asText(""), defaultLevel,
                        securitySeverity(properties, rulePath + ".properties"),
                        tagged(properties) || "security".equalsIgnoreCase(properties.path("category").asText()));
                rulesById.putIfAbsent(id, rule);
                if (driver) {
                    driverRules.add(rule);
                }
            }
        }

        /** The finding of one result, or null when the result is not a problem (passed, suppressed, gone). */
        private Finding result(JsonNode result, String resultPath) throws MalformedEvidenceException {
            object(result, resultPath);
            String kind = result.path("kind").asText("fail");
            if (kind.equals("pass") || kind.equals("notApplicable") || suppressed(result)
                    || result.path("baselineState").asText().equals("absent")) {
                return null;
            }
            Rule rule = rule(result, resultPath);
            String ruleId = text(result, "ruleId", resultPath);
            if (ruleId == null) {
                ruleId = rule != null ? rule.id() : text(result.path("rule"), "id", resultPath + ".rule");
            }
            String level = level(result, resultPath);
            if (level == null) {
                level = !kind.equals("fail") ? "none" : rule != null && rule.defaultLevel() != null
                        ? rule.defaultLevel() : "warning";
            }
            FindingSeverity severity = severity(rule, level);
            Dimension dimension = dimension(rule, tagged(result.path("properties")));
            JsonNode physical = result.path("locations").path(0).path("physicalLocation");
            String file = physical.path("artifactLocation").path("uri").asText("");
            JsonNode region = physical.path("region");
            int line = region.path("startLine").asInt(0);
            return new Finding(dimension, ruleId, severity, file, line, region.path("endLine").asInt(0),
                    message(result, rule), source);
        }

        private Rule rule(JsonNode result, String resultPath) throws MalformedEvidenceException {
            String id = result.path("ruleId").asText(result.path("rule").path("id").asText(null));
            if (id != null) {
                return rulesById.get(id);
            }
            JsonNode index = result.has("ruleIndex") ? result.get("ruleIndex") : result.path("rule").get("index");
            if (index == null || index.isNull()) {
                return null;
            }
            if (!index.canConvertToInt() || index.asInt() < 0 || index.asInt() >= driverRules.size()) {
                throw new MalformedEvidenceException(resultPath + ".ruleIndex", "the rule index " + index
                        + " names no rule of the tool", REGENERATE);
            }
            return driverRules.get(index.asInt());
        }

        private Dimension dimension(Rule rule, boolean resultTagged) {
            return scanner || resultTagged || rule != null && rule.security() ? Dimension.SECURITY : Dimension.LINT;
        }

        private static FindingSeverity severity(Rule rule, String level) {
            double score = rule == null ? 0 : rule.securitySeverity().orElse(0);
            if (score >= 9) {
                return FindingSeverity.CRITICAL;
            } else if (score >= 7) {
                return FindingSeverity.HIGH;
            } else if (score >= 4) {
                return FindingSeverity.MEDIUM;
            } else if (score > 0) {
                return FindingSeverity.LOW;
            }
            return switch (level) {
                case "error" -> FindingSeverity.HIGH;
                case "warning" -> FindingSeverity.MEDIUM;
                case "note" -> FindingSeverity.LOW;
                default -> FindingSeverity.INFO;
            };
        }

        private static String message(JsonNode result, Rule rule) {
            JsonNode message = result.path("message");
            String text = message.path("text").asText(message.path("markdown").asText(""));
            if (text.isBlank() && rule != null) {
                text = rule.description();  // the message is given by id from the rule's strings: its summary will do
            }
            return FirstLine.of(text);
        }

        private static boolean suppressed(JsonNode result) {
            for (JsonNode suppression : result.path("suppressions")) {
                String status = suppression.path("status").asText("accepted");
                if (status.equals("accepted")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean tagged(JsonNode properties) {
            for (JsonNode tag : properties.path("tags")) {
                if (tag.asText().equalsIgnoreCase("security")) {
                    return true;
                }
            }
            return false;
        }

        private static OptionalDouble securitySeverity(JsonNode properties, String propertiesPath)
                throws MalformedEvidenceException {
            JsonNode value = properties.get("security-severity");
            if (value == null || value.isNull()) {
                return OptionalDouble.empty();
            }
            try {
                double score = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText().strip());
                if (score >= 0 && score <= 10) {
                    return OptionalDouble.of(score);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new MalformedEvidenceException(propertiesPath + ".security-severity", "the security severity "
                    + value + " is not a number from 0 to 10", "fix the rule's metadata or the tool's version; "
                    + "GitHub code scanning reads the same property");
        }

        /** The "level" of {@code node}, checked; null when absent. */
        private static String level(JsonNode node, String nodePath) throws MalformedEvidenceException {
            String level = text(node, "level", nodePath);
            if (level != null && !LEVELS.contains(level)) {
                throw new MalformedEvidenceException(nodePath + ".level", "the level \"" + level + "\" is not one "
                        + "of error, warning, note, none", REGENERATE);
            }
            return level;
        }
    }

    private static JsonNode object(JsonNode node, String path) throws MalformedEvidenceException {
        if (!node.isObject()) {
            throw new MalformedEvidenceException(path, "expected an object, found " + describe(node), REGENERATE);
        }
        return node;
    }

    private static JsonNode array(JsonNode node, String path) throws MalformedEvidenceException {
        if (!node.isArray()) {
            throw new MalformedEvidenceException(path, "expected an array, found " + describe(node), REGENERATE);
        }
        return node;
    }

    /** The array, or an empty one when absent. */
    private static JsonNode optionalArray(JsonNode node, String path) throws MalformedEvidenceException {
        return node == null || node.isMissingNode() || node.isNull() ? Json.mapper().createArrayNode()
                : array(node, path);
    }

    /** The string field, or null when absent; anything but a string is malformed. */
    private static String text(JsonNode node, String field, String path) throws MalformedEvidenceException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedEvidenceException(path + "." + field, "expected a string, found " + describe(value),
                    REGENERATE);
        }
        return value.asText();
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
