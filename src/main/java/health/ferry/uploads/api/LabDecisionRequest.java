package health.ferry.uploads.api;

import java.util.List;

/**
 * Decisions on some fields of a proposed lab result, and optionally one ({@code confirmed} or {@code dropped}) for
 * every other field still pending.
 */
public record LabDecisionRequest(List<LabFieldDecision> fields, String rest) {
}
