package health.ferry.uploads.structured;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR R4 resources read from one document, each with a stable id (the same document always yields the same ids,
 * so storing them again changes nothing), and notes on what could not be read (plain sentences, codes and counts
 * only, never document text). Notes never stop the rest of the document from being read.
 */
public record DocumentRecords(List<Resource> resources, List<String> notes) {
    public DocumentRecords {
        resources = List.copyOf(resources);
        notes = List.copyOf(notes);
    }

    /** The notes as one sentence list, or null when there are none. */
    public String note() {
        return notes.isEmpty() ? null : String.join(" ", notes);
    }
}
