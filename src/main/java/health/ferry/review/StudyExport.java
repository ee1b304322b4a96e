package health.ferry.review;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.OutcomeException;
import health.ferry.records.AcceptedRecords;
import health.ferry.records.Shared;
import health.ferry.studies.ConsentRecord;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyParticipant;
import health.ferry.uploads.SupportingDocuments;
import health.ferry.uploads.api.SupportingDocument;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A study's exports, streamed: {@code format=ndjson} its records as FHIR NDJSON in the Bulk Data layout: one {@code <Type>.ndjson} per resource type, inside a
 * ZIP, pseudonymised and re-keyed per study ({@link Pseudonymised}). Only what each participant shares with the
 * study goes in ({@link Shared}: accepted, of a category they share, received while their consent let records
 * flow, from a portal or an upload made for this study), plus {@code Consent.ndjson}: every consent event of the
 * study's participants as a FHIR Consent, and {@code Provenance.ndjson}: where each exported record came from
 * ({@link ProvenanceResources}, one per record, after the records' own Provenance resources if they have any);
 * {@code format=zip} the documents coordinators accepted, with {@code manifest.csv}. Access is checked and the export
 * audited (once per participant included) before the first byte; the bytes are then written straight to the
 * response, page by page, never built in memory.
 */
@ApplicationScoped
public class StudyExport {
    static final String CONSENT = "Consent";
    static final String MANIFEST_HEADER = "pseudonym,document id,kind,category,sha256,decision,decided at\n";
    static final Duration EXPORT_TIMEOUT = Duration.ofHours(1);

    @Inject
    AcceptedRecords records;
    @Inject
    FhirContext fhir;
    @Inject
    StudyIds studyIds;
    @Inject
    CurrentAccount current;
    @Inject
    CoordinatedStudies studies;
    @Inject
    Enrolments enrolments;
    @Inject
    Reviews reviews;
    @Inject
    SupportingDocuments documents;
    @Inject
    Event<CoordinatorAction> actions;

    /** Writes an export's bytes; throws only I/O failures of the client connection. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The export as a file name and a writer, after access is checked and the export audited. */
    public record Prepared(String fileName, Writer writer) {
    }

    /** What is exported: the study, its participants, the uploads made for it by person, its consent events. */
    public record Contents(Study study, List<StudyParticipant> participants, Map<UUID, Set<UUID>> uploads,
            List<ConsentRecord> consents) {
    }

    /** Checks access and the format, audits the export, and answers how to write it. */
    @Transactional
    public Prepared prepare(String studyId, String format) {
        Study study = studies.require(studyId);
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("ndjson") && !f.equals("zip")) {
            throw OutcomeException.invalid("format", "Use ndjson (records) or zip (documents).");
        }
        List<StudyParticipant> participants = enrolments.participants(study.id()).stream()
                .filter(StudyParticipant::active).toList();
        for (StudyParticipant p : participants) {
            actions.fire(new CoordinatorAction(current.actor(), "export", "export", study.id(), p.personId(),
                    study.id(), "format=" + f));
        }
        enrolments.exported(study.id(), participants.stream().map(StudyParticipant::personId).toList());
        if (f.equals("ndjson")) {
            Contents contents = new Contents(study, participants, documents.uploadIdsByPerson(study.id()),
                    enrolments.consentHistory(study.id()));
            return new Prepared(study.id() + "-records.zip", out -> QuarkusTransaction.requiringNew()
                    .timeout((int) EXPORT_TIMEOUT.toSeconds()).call(() -> {
                        writeNdjson(contents, out);
                        return null;
                    }));
        }
        Map<UUID, String> pseudonyms = participants.stream().collect(Collectors.toMap(StudyParticipant::personId,
                StudyParticipant::pseudonym));
        return new Prepared(study.id() + "-documents.zip", out -> QuarkusTransaction.requiringNew()
                .timeout((int) EXPORT_TIMEOUT.toSeconds()).call(() -> {
                    writeDocuments(study.id(), pseudonyms, out);
                    return null;
                }));
    }

    /** Writes the ZIP to {@code out}: records of active participants only, consent events of everyone. */
    void writeNdjson(Contents contents, OutputStream out) throws IOException {
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

    /** The accepted documents of active participants, {@code manifest.csv} first, then their bytes. */
    private void writeDocuments(String studyId, Map<UUID, String> pseudonyms, OutputStream out) throws IOException {
        List<Reviews.DecidedDocument> accepted = reviews.decided(studyId, Decision.ACCEPTED).stream()
                .filter(d -> pseudonyms.containsKey(d.personId())).toList();
        Map<UUID, SupportingDocument> docs = new HashMap<>();
        documents.documents(accepted.stream().map(Reviews.DecidedDocument::documentId).toList())
                .forEach(d -> docs.put(d.id(), d));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        zip.write(MANIFEST_HEADER.getBytes(StandardCharsets.UTF_8));
        List<Reviews.DecidedDocument> written = new ArrayList<>();
        for (Reviews.DecidedDocument a : accepted) {
            SupportingDocument d = docs.get(a.documentId());
            if (d == null) {
                continue;
            }
            written.add(a);
            String row = String.join(",", csv(pseudonyms.get(a.personId())), d.id().toString(), csv(d.kind()),
                    csv(d.category()), d.sha256(), a.review().decision(), a.review().decidedAt().toString()) + "\n";
            zip.write(row.getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
        for (Reviews.DecidedDocument a : written) {
            SupportingDocument d = docs.get(a.documentId());
            zip.putNextEntry(new ZipEntry("documents/" + pseudonyms.get(a.personId()) + "/" + d.id() + extension(d)));
            Files.copy(documents.bytes(d.id()).file(), zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** The file name's extension when it is plain (letters and digits, at most 8), else none: names stay ids. */
    static String extension(SupportingDocument d) {
        int dot = d.name().lastIndexOf('.');
        String ext = dot < 0 ? "" : d.name().substring(dot + 1);
        return ext.matches("[A-Za-z0-9]{1,8}") ? "." + ext.toLowerCase(Locale.ROOT) : "";
    }

    /** A CSV field, quoted when needed, and never starting like a spreadsheet formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return v.matches(".*[\",\\n\\r].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
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
