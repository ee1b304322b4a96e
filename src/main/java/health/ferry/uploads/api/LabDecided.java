package health.ferry.uploads.api;

import java.util.List;

/** A lab result after a coordinator's decisions, and the fields decided just now as {@code field:decision}. */
public record LabDecided(LabResultView result, List<String> decidedNow) {
}
