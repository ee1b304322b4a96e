package health.ferry.uploads.classification;

import java.util.List;

/** What one METADATA.XML (ebRIM SubmitObjectsRequest) declares; only the fields Ferry checks or shows. */
record XdmMetadata(List<Entry> entries, List<Submission> submissions, String problem) {
    /** An XDSDocumentEntry (ExtrinsicObject). */
    record Entry(String id, String mimeType, String uri, Long size, String hash, String classCode, String typeCode,
            String typeName) {
    }

    /** An XDSSubmissionSet (RegistryPackage) and how many documents it says it holds. */
    record Submission(String id, String submissionTime, int members) {
    }
}
