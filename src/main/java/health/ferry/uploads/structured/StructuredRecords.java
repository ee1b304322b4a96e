package health.ferry.uploads.structured;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.uploads.classification.DocumentKind;
import health.ferry.uploads.classification.XmlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The structured records in a classified document, as FHIR R4 resources: C-CDA section entries mapped by
 * {@link CdaRecords}, FHIR content read by {@link FhirRecords}. Every resource names its document in
 * {@code meta.source}. XML is read through the classification's hardened StAX path (no DTDs, no external
 * entities); FHIR XML reaches HAPI only when classification found no DOCTYPE (such XML is never a FHIR kind).
 */
public final class StructuredRecords {
    /** Larger documents are not read for records (parsing is in memory); the document itself is kept as it is. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private StructuredRecords() {
    }

    /** Whether documents of this kind can hold structured records (C-CDA with a structured body, FHIR). */
    public static boolean holdsRecords(DocumentKind kind) {
        return kind.code().startsWith("ccda-") && kind != DocumentKind.CCDA_UNSTRUCTURED
                || kind == DocumentKind.CDA_OTHER || kind == DocumentKind.FHIR_BUNDLE
                || kind == DocumentKind.FHIR_RESOURCE || kind == DocumentKind.FHIR_NDJSON;
    }

    /**
     * Reads the records of one document.
     *
     * @param seed     makes the resource ids stable: the same seed and content always give the same ids
     * @param document what {@code meta.source} names (the document's id as a URN)
     * @throws IOException when the stored file cannot be read (storage, not the document's fault)
     */
    public static DocumentRecords read(FhirContext fhir, Path file, DocumentKind kind, String seed, String document)
            throws IOException {
        if (!holdsRecords(kind)) {
            return new DocumentRecords(List.of(), List.of());
        }
        if (Files.size(file) > MAX_BYTES) {
            return new DocumentRecords(List.of(), List.of("The document is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MB, so its records were not read."));
        }
        DocumentRecords records;
        if (kind == DocumentKind.FHIR_BUNDLE || kind == DocumentKind.FHIR_RESOURCE) {
            records = FhirRecords.read(fhir, file, false, startsWithAngle(file), seed);
        } else if (kind == DocumentKind.FHIR_NDJSON) {
            records = FhirRecords.read(fhir, file, true, false, seed);
        } else {
            records = CdaRecords.read(XmlTree.read(file), seed);
        }
        for (Resource resource : records.resources()) {
            resource.getMeta().setSource(document);
        }
        return records;
    }

    private static boolean startsWithAngle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            for (byte b : head) {
                if (b == '<') {
                    return true;
                }
                if (b == '{' || b == '[') {
                    return false;
                }
            }
            return false;
        }
    }
}
