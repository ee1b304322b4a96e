package health.ferry.studies;

import health.ferry.records.RecordCategory;
import java.util.List;

/**
 * A study as defined in {@code studies/*.yaml}: who coordinates it, whether participants connect portals or may
 * fall back to Supporting Documents, which record categories it asks for, and the consent they give. {@code
 * forChildren} ({@code forChildren: true}): only a child or ward is enrolled, never the account holder themself.
 */
public record Study(String id, String title, String summary, List<String> coordinators, boolean portalConnections,
        SupportingDocuments supportingDocuments, List<RecordCategory> requestedCategories, Consent consent,
        boolean coordinatorsSeeNames, String source, boolean forChildren) {

    /** The Supporting Documents fallback: off, or on with its prerequisite question and limits. */
    public record SupportingDocuments(boolean enabled, String prerequisiteQuestion, long maxUploadBytes,
            List<RecordCategory> acceptedCategories) {
    }

    /** The consent text participants agree to, and its version (recorded with every enrolment). */
    public record Consent(String version, String text) {
        /**
         * The text as paragraphs for the page: the study file's hard line breaks joined with spaces (they only wrap
         * the YAML), blank lines kept as paragraph breaks.
         */
        public List<String> paragraphs() {
            List<String> paragraphs = new java.util.ArrayList<>();
            for (String block : (text == null ? "" : text).strip().split("\\R\\s*\\R")) {
                String joined = String.join(" ", block.strip().split("\\s*\\R\\s*"));
                if (!joined.isEmpty()) {
                    paragraphs.add(joined);
                }
            }
            return paragraphs;
        }
    }

    public boolean isCoordinatedBy(String username) {
        return coordinators.contains(username);
    }
}
