package health.ferry.uploads;

import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.OutcomeException;
import health.ferry.review.CoordinatedStudies;
import health.ferry.review.CoordinatorAction;
import health.ferry.review.Decision;
import health.ferry.review.Reviews;
import health.ferry.review.StudyExport;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyParticipant;
import health.ferry.uploads.storage.UploadStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A study's exports, streamed: the structured records its participants share with it, and their consent events,
 * as FHIR NDJSON (Bulk Data layout, {@link StudyExport}), or accepted documents as a ZIP with
 * {@code manifest.csv}. Access is checked and the export audited (once per participant included) before the first
 * byte; the bytes are then written page by page, never built in memory.
 */
@ApplicationScoped
public class StudyExports {
    static final String MANIFEST_HEADER = "pseudonym,document id,kind,category,sha256,decision,decided at\n";
    static final Duration EXPORT_TIMEOUT = Duration.ofHours(1);

    @Inject
    CurrentAccount current;
    @Inject
    CoordinatedStudies studies;
    @Inject
    Enrolments enrolments;
    @Inject
    Reviews reviews;
    @Inject
    StudyExport records;
    @Inject
    DocumentRepository documents;
    @Inject
    UploadRepository uploads;
    @Inject
    UploadStorage storage;
    @Inject
    Event<CoordinatorAction> actions;

    /** Writes an export's bytes; throws only I/O failures of the client connection. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The export as a file name and a writer, after access is checked and the export audited. */
    public record Prepared(String fileName, Writer writer) {
    }

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
            StudyExport.Contents contents = new StudyExport.Contents(study, participants,
                    uploads.idsByPerson(study.id()), enrolments.consentHistory(study.id()));
            return new Prepared(study.id() + "-records.zip", out -> QuarkusTransaction.requiringNew()
                    .timeout((int) EXPORT_TIMEOUT.toSeconds()).call(() -> {
                        records.writeNdjson(contents, out);
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

    private void writeDocuments(String studyId, Map<UUID, String> pseudonyms, OutputStream out) throws IOException {
        List<Reviews.DecidedDocument> accepted = reviews.decided(studyId, Decision.ACCEPTED).stream()
                .filter(d -> pseudonyms.containsKey(d.personId())).toList();
        Map<UUID, UploadDocument> docs = new java.util.HashMap<>();
        for (int i = 0; i < accepted.size(); i += 500) {
            documents.list("id in ?1", accepted.subList(i, Math.min(accepted.size(), i + 500)).stream()
                    .map(Reviews.DecidedDocument::documentId).toList()).forEach(d -> docs.put(d.id, d));
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        zip.write(MANIFEST_HEADER.getBytes(StandardCharsets.UTF_8));
        List<Reviews.DecidedDocument> written = new ArrayList<>();
        for (Reviews.DecidedDocument a : accepted) {
            UploadDocument d = docs.get(a.documentId());
            if (d == null) {
                continue;
            }
            written.add(a);
            String row = String.join(",", csv(pseudonyms.get(a.personId())), d.id.toString(), csv(d.kind),
                    csv(d.category), d.sha256, a.review().decision(), a.review().decidedAt().toString()) + "\n";
            zip.write(row.getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
        for (Reviews.DecidedDocument a : written) {
            UploadDocument d = docs.get(a.documentId());
            zip.putNextEntry(new ZipEntry("documents/" + pseudonyms.get(a.personId()) + "/" + d.id + extension(d)));
            Files.copy(storage.resolve(d.blobPath), zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** The file name's extension when it is plain (letters and digits, at most 8), else none: names stay ids. */
    static String extension(UploadDocument d) {
        int dot = d.name.lastIndexOf('.');
        String ext = dot < 0 ? "" : d.name.substring(dot + 1);
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

}
