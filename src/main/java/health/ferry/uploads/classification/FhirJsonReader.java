package health.ferry.uploads.classification;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams FHIR JSON (one resource, a Bundle, or NDJSON lines) without building a tree: only resource types,
 * Bundle.type and Observation categories are read; everything else is skipped, so size costs time, not memory.
 * What was read before a syntax error still counts.
 */
final class FhirJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();

    private record Scan(String type, boolean vitalSigns) {
    }

    private final FhirTally tally = new FhirTally();
    private String rootType;
    private String bundleType;
    private int roots;

    private FhirJsonReader() {
    }

    static FhirFacts read(Path file) throws IOException {
        FhirJsonReader reader = new FhirJsonReader();
        String problem = null;
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            problem = reader.scan(parser);
        } catch (CharConversionException e) {
            problem = "JSON not in a Unicode encoding";
        } catch (JsonProcessingException e) {
            problem = "JSON not well-formed" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr());
        }
        return reader.tally.facts(reader.rootType, reader.bundleType, reader.roots, problem);
    }

    private String scan(JsonParser parser) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                return "a top-level JSON value is not an object";
            }
            roots++;
            Scan scan = object(parser, roots == 1);
            if (!"Bundle".equals(scan.type())) {
                tally.add(scan.type(), scan.vitalSigns());
            }
        }
        return null;
    }

    /** Reads one object from just after its START_OBJECT to its END_OBJECT. */
    private Scan object(JsonParser parser, boolean firstRoot) throws IOException {
        String type = null;
        boolean vitalSigns = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("resourceType") && value == JsonToken.VALUE_STRING) {
                type = parser.getText();
                rootType = firstRoot ? type : rootType;
            } else if (field.equals("type") && value == JsonToken.VALUE_STRING && firstRoot) {
                bundleType = parser.getText();
            } else if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                entries(parser);
            } else if (field.equals("category")) {
                vitalSigns = mentions(parser, FhirResourceTypes.VITAL_SIGNS);
            } else {
                parser.skipChildren();
            }
        }
        if (firstRoot && !"Bundle".equals(type)) {
            bundleType = null;
        }
        return new Scan(type, vitalSigns);
    }

    /** Bundle.entry[]: each entry's resource is counted (a nested Bundle counts its own entries). */
    private void entries(JsonParser parser) throws IOException {
        for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
            if (entry != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && field.equals("resource")) {
                    Scan resource = object(parser, false);
                    if (!"Bundle".equals(resource.type())) {
                        tally.add(resource.type(), resource.vitalSigns());
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** Whether any string in the current value equals {@code wanted}; consumes the value. */
    private static boolean mentions(JsonParser parser, String wanted) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            return parser.currentToken() == JsonToken.VALUE_STRING && wanted.equals(parser.getText());
        }
        boolean found = false;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING && wanted.equals(parser.getText())) {
                found = true;
            }
        }
        return found;
    }
}
