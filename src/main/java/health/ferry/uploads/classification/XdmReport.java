package health.ferry.uploads.classification;

import java.util.List;

/**
 * What the upload's XDM metadata declares and how the files measure up: every mismatch (size, hash, missing or
 * unlisted file, unreadable metadata) is an {@link XdmProblem}: the document, a code and a plain sentence.
 */
public record XdmReport(List<XdmSubmissionSet> submissionSets, List<XdmDocumentEntry> documents,
        List<XdmProblem> warnings) {
    public XdmReport {
        submissionSets = List.copyOf(submissionSets);
        documents = List.copyOf(documents);
        warnings = List.copyOf(warnings);
    }

    static XdmReport none() {
        return new XdmReport(List.of(), List.of(), List.of());
    }

    /** Each problem as "document: sentence". */
    public List<String> problems() {
        return warnings.stream().map(XdmProblem::text).toList();
    }

    /** True when the upload held XDM metadata. */
    public boolean present() {
        return !submissionSets.isEmpty() || !documents.isEmpty() || !warnings.isEmpty();
    }
}
