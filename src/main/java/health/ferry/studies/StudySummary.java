package health.ferry.studies;

/** A study as the API lists it (contract: id, title, summary, portalConnections, supportingDocuments, consentVersion). */
public record StudySummary(String id, String title, String summary, boolean portalConnections,
        SupportingDocumentsSummary supportingDocuments, String consentVersion, String consentText) {

    public record SupportingDocumentsSummary(boolean enabled, String prerequisite) {
    }

    static StudySummary of(Study s) {
        return new StudySummary(s.id(), s.title(), s.summary(), s.portalConnections(),
                new SupportingDocumentsSummary(s.supportingDocuments().enabled(),
                        s.supportingDocuments().prerequisiteQuestion()),
                s.consent().version(), s.consent().text());
    }
}
