package health.ferry.studies;

import health.ferry.records.RecordCategory;
import java.util.List;

/**
 * A study as defined in {@code studies/*.yaml}: who coordinates it, whether participants connect portals or may
 * fall back to Supporting Documents, which record categories it asks for, and the consent they give.
 */
public record Study(String id, String title, String summary, List<String> coordinators, boolean portalConnections,
        SupportingDocuments supportingDocuments, List<RecordCategory> requestedCategories, Consent consent,
        boolean coordinatorsSeeNames, String source) {

    /** The Supporting Documents fallback: off, or on with its prerequisite question and limits. */
    public record SupportingDocuments(boolean enabled, String prerequisiteQuestion, long maxUploadBytes,
            List<RecordCategory> acceptedCategories) {
    }

    /** The consent text participants agree to, and its version (recorded with every enrolment). */
    public record Consent(String version, String text) {
    }

    public boolean isCoordinatedBy(String username) {
        return coordinators.contains(username);
    }
}
