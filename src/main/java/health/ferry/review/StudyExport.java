package health.ferry.review;

import health.ferry.records.AcceptedRecords;
import health.ferry.studies.StudyParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A study's accepted structured records as FHIR NDJSON in the Bulk Data layout: one {@code <Type>.ndjson} per
 * resource type, inside a ZIP, pseudonymised per study. Written straight to the response, page by page.
 */
@ApplicationScoped
public class StudyExport {
    @Inject
    AcceptedRecords records;

    /** Writes the ZIP for these participants (active enrolments only) to {@code out}. */
    public void writeNdjson(List<StudyParticipant> participants, OutputStream out) throws IOException {
        List<StudyParticipant> active = participants.stream().filter(StudyParticipant::active).toList();
        List<UUID> people = active.stream().map(StudyParticipant::personId).toList();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (String type : records.resourceTypes(people)) {
            zip.putNextEntry(new ZipEntry(type + ".ndjson"));
            for (StudyParticipant p : active) {
                try {
                    records.forEach(p.personId(), type, json -> {
                        String line = Pseudonymised.line(json, p.pseudonym());
                        if (line != null) {
                            try {
                                zip.write(line.getBytes(StandardCharsets.UTF_8));
                                zip.write('\n');
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
