package health.ferry.review;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.records.AcceptedRecords;
import health.ferry.records.Shared;
import health.ferry.studies.ConsentRecord;
import health.ferry.studies.Study;
import health.ferry.studies.StudyParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A study's records as FHIR NDJSON in the Bulk Data layout: one {@code <Type>.ndjson} per resource type, inside a
 * ZIP, pseudonymised and re-keyed per study ({@link Pseudonymised}). Only what each participant shares with the
 * study goes in ({@link Shared}: accepted, of a category they share, received while their consent let records
 * flow, from a portal or an upload made for this study), plus {@code Consent.ndjson}: every consent event of the
 * study's participants as a FHIR Consent, and {@code Provenance.ndjson}: where each exported record came from
 * ({@link ProvenanceResources}, one per record, after the records' own Provenance resources if they have any).
 * Written straight to the response, page by page.
 */
@ApplicationScoped
public class StudyExport {
    static final String CONSENT = "Consent";

    @Inject
    AcceptedRecords records;
    @Inject
    FhirContext fhir;
    @Inject
    StudyIds studyIds;

    /** What is exported: the study, its participants, the uploads made for it by person, its consent events. */
    public record Contents(Study study, List<StudyParticipant> participants, Map<UUID, Set<UUID>> uploads,
            List<ConsentRecord> consents) {
    }

    /** Writes the ZIP to {@code out}: records of active participants only, consent events of everyone. */
    public void writeNdjson(Contents contents, OutputStream out) throws IOException {
        Map<UUID, Shared> shared = new LinkedHashMap<>();
        Map<UUID, String> pseudonyms = new LinkedHashMap<>();
        for (StudyParticipant p : contents.participants()) {
            if (p.active() && !p.shared().isEmpty()) {
                shared.put(p.personId(), p.shared().withUploads(contents.uploads().getOrDefault(p.personId(),
                        Set.of())));
                pseudonyms.put(p.personId(), p.pseudonym());
            }
        }
        StudyIds.Keyed ids = studyIds.of(contents.study().id());
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<String> recordTypes = records.resourceTypes(shared);
        java.util.SortedSet<String> types = new java.util.TreeSet<>(recordTypes);
        if (!contents.consents().isEmpty()) {
            types.add(CONSENT);
        }
        if (!recordTypes.isEmpty()) {
            types.add(ProvenanceResources.TYPE);
        }
        for (String type : types) {
            zip.putNextEntry(new ZipEntry(type + ".ndjson"));
            try {
                if (type.equals(CONSENT)) { // the study's own consent records, then any a participant shares
                    contents.consents().forEach(c -> writeLine(zip, ConsentResources.json(fhir, contents.study(),
                            c)));
                }
                shared.forEach((person, scope) -> records.forEach(person, scope, type, json -> {
                    String line = Pseudonymised.line(json, pseudonyms.get(person), ids);
                    if (line != null) {
                        writeLine(zip, line);
                    }
                }));
                if (type.equals(ProvenanceResources.TYPE)) { // Ferry's own: one per exported record
                    for (String recordType : recordTypes) {
                        shared.forEach((person, scope) -> records.forEachWithSources(person, scope, recordType,
                                r -> writeLine(zip, ProvenanceResources.line(r, pseudonyms.get(person), ids))));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static void writeLine(ZipOutputStream zip, String line) {
        try {
            zip.write(line.getBytes(StandardCharsets.UTF_8));
            zip.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
