package health.ferry.uploads.classification;

import java.util.List;

/**
 * What the upload's XDM metadata declares and how the files measure up: every mismatch (size, hash, missing or
 * unlisted file, unreadable metadata) is a plain sentence in {@code problems}.
 */
public record XdmReport(List<XdmSubmissionSet> submissionSets, List<XdmDocumentEntry> documents,
        List<String> problems) {
    public XdmReport {
        submissionSets = List.copyOf(submissionSets);
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    static XdmReport none() {
        return new XdmReport(List.of(), List.of(), List.of());
    }

    /** True when the upload held XDM metadata. */
    public boolean present() {
        return !submissionSets.isEmpty() || !documents.isEmpty() || !problems.isEmpty();
    }
}
