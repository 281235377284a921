package dev.pce.engine.conflict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the arbiter decided about one conflict, ready to be stored as an event payload: every resolution names the
 * rule that decided it and says why, so the workflow's history explains each decision.
 *
 * <p>As JSON (with {@link dev.pce.engine.Json#mapper()}) a resolution is an object whose {@code kind} field
 * ({@code resource}, {@code quality}, {@code timeline}) says which record it is; it reads back as the same record,
 * whether read as {@code Resolution} or as that record's class.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ResourceResolution.class, name = "resource"),
        @JsonSubTypes.Type(value = QualityResolution.class, name = "quality"),
        @JsonSubTypes.Type(value = TimelineResolution.class, name = "timeline")})
public sealed interface Resolution permits ResourceResolution, QualityResolution, TimelineResolution {

    /** Which kind of conflict this resolves; written as the JSON field {@code kind}. */
    @JsonIgnore
    ConflictKind kind();

    /** The name of the rule (in rules/conflicts.drl) that decided it. */
    String rule();

    /** Why, in words a person reading the history understands. */
    String reason();
}
