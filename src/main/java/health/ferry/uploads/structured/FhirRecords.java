package health.ferry.uploads.structured;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the resources of a FHIR document: a Bundle's entries (nested Bundles too), a single resource, or NDJSON (one
 * resource per line), in JSON or XML. Patient resources are left out (the person is known) and so are Bundles
 * themselves. Each resource gets a stable id made from the document and its own type and id, so two documents with
 * the same ids never overwrite each other and a document read again yields the same ids. A line or entry HAPI
 * cannot read is counted in a note and skipped.
 */
final class FhirRecords {
    static final int MAX_NDJSON_LINE = 16 * 1024 * 1024;

    private final FhirContext fhir;
    private final String seed;
    private final List<Resource> resources = new ArrayList<>();
    private int unread;
    private int position;

    private FhirRecords(FhirContext fhir, String seed) {
        this.fhir = fhir;
        this.seed = seed;
    }

    static DocumentRecords read(FhirContext fhir, Path file, boolean ndjson, boolean xml, String seed)
            throws IOException {
        FhirRecords reader = new FhirRecords(fhir, seed);
        List<String> notes = new ArrayList<>();
        if (ndjson) {
            reader.lines(file, notes);
        } else {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.take((Resource) parser(fhir, xml).parseResource(in));
            } catch (CharacterCodingException e) {
                notes.add("The file is not UTF-8 text, so its FHIR content could not be read.");
            } catch (RuntimeException | StackOverflowError e) {
                notes.add("The FHIR content could not be read (" + e.getClass().getSimpleName() + ").");
            }
        }
        if (reader.unread > 0) {
            notes.add(reader.unread + (reader.unread == 1 ? " resource" : " resources") + " could not be read.");
        }
        return new DocumentRecords(reader.resources, notes);
    }

    private void lines(Path file, List<String> notes) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            IParser parser = parser(fhir, false);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    take((Resource) parser.parseResource(line));
                } catch (RuntimeException | StackOverflowError e) {
                    unread++;
                }
            }
        } catch (CharacterCodingException e) {
            notes.add("The file is not UTF-8 text; lines after the first bad byte were not read.");
        }
    }

    private void take(Resource resource) {
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource()) {
                    try {
                        take(entry.getResource());
                    } catch (RuntimeException e) {
                        unread++;
                    }
                }
            }
            return;
        }
        int at = position++;
        if ("Patient".equals(resource.fhirType())) {
            return;
        }
        String own = resource.getIdElement().getIdPart();
        resource.setId(UUID.nameUUIDFromBytes((seed + "|" + resource.fhirType() + "|" + (own != null ? own
                : "#" + at)).getBytes(StandardCharsets.UTF_8)).toString());
        resources.add(resource);
    }

    private static IParser parser(FhirContext fhir, boolean xml) {
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        return parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false)
                .setErrorOnInvalidExtension(false));
    }
}
