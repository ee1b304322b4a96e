package health.ferry.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a FHIR R4 Bundle as a stream, one entry at a time, so a list of 100 MB never sits in memory as one tree.
 * Each entry's resource is parsed leniently by HAPI; an entry that cannot be read is skipped with its reason.
 */
final class BundleReader {
    static final int MAX_ENTRIES = 2_000_000;
    private static final Set<String> DIRECTORY_TYPES = Set.of("Organization", "Endpoint");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** One bundle entry: its position, its fullUrl (may be null) and its parsed resource. */
    record Entry(int index, String fullUrl, Resource resource) {
        String label() {
            String id = resource.getIdElement().getIdPart();
            return "entry[" + index + "] " + resource.fhirType() + (id == null ? "" : "/" + id);
        }
    }

    /** The file as a whole cannot be read as a FHIR Bundle; the message says why, for the person importing. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private BundleReader() {
    }

    /** The Organization and Endpoint entries of a Bundle; other entries are recorded in the batch as skipped. */
    static List<Entry> read(InputStream in, FhirContext fhir, ImportBatch batch) throws Unreadable {
        IParser parser = FhirContexts.lenientJsonParser(fhir);
        List<Entry> entries = new ArrayList<>();
        try (JsonParser json = FACTORY.createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new Unreadable("The file is not a JSON object; a FHIR Bundle was expected.");
            }
            String resourceType = null;
            boolean lantern = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("resourceType")) {
                    resourceType = value == JsonToken.VALUE_STRING ? json.getText() : "";
                    requireBundle(resourceType, false);
                } else if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                    readEntries(json, parser, entries, batch);
                } else if (field.equals("Endpoints") && value == JsonToken.START_ARRAY && resourceType == null) {
                    lantern = true;
                    LanternList.read(json, JSON, entries, batch);
                } else {
                    json.skipChildren();
                }
            }
            requireBundle(resourceType, lantern);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new Unreadable("The file is not valid JSON" + (at == null ? "." : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")."));
        } catch (IOException e) {
            throw new Unreadable("The file could not be read to the end.");
        }
        return entries;
    }

    private static void requireBundle(String resourceType, boolean lantern) throws Unreadable {
        if (lantern && resourceType == null) {
            return; // an ONC Lantern endpoint list, read as Endpoints with their Organizations (LanternList)
        }
        if (resourceType == null) {
            throw new Unreadable("The file is JSON but not a FHIR resource (it has no resourceType).");
        }
        if (!resourceType.equals("Bundle")) {
            throw new Unreadable("The file is a FHIR " + (resourceType.isBlank() ? "resource" : resourceType)
                    + ", not a Bundle of Endpoint and Organization resources.");
        }
    }

    private static void readEntries(JsonParser json, IParser parser, List<Entry> entries, ImportBatch batch)
            throws IOException, Unreadable {
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (index >= MAX_ENTRIES) {
                throw new Unreadable("The bundle has more than " + MAX_ENTRIES + " entries.");
            }
            JsonNode node = JSON.readTree(json);
            Entry entry = entry(index++, node, parser, batch);
            if (entry != null) {
                entries.add(entry);
            }
        }
    }

    private static Entry entry(int index, JsonNode node, IParser parser, ImportBatch batch) {
        String label = "entry[" + index + "]";
        JsonNode resource = node == null ? null : node.get("resource");
        if (resource == null || !resource.isObject()) {
            batch.skip(label, "The entry has no resource.");
            return null;
        }
        String type = resource.path("resourceType").asText("");
        String id = resource.path("id").asText("");
        label += " " + (type.isEmpty() ? "(no resourceType)" : type) + (id.isEmpty() ? "" : "/" + id);
        if (!DIRECTORY_TYPES.contains(type)) {
            batch.skip(label, "Only Organization and Endpoint resources are read from a directory list.");
            return null;
        }
        try {
            IBaseResource parsed = parser.parseResource(resource.toString());
            String fullUrl = node.path("fullUrl").isTextual() ? node.get("fullUrl").asText().strip() : null;
            return new Entry(index, fullUrl, (Resource) parsed);
        } catch (RuntimeException e) {
            batch.skip(label, "The resource is not valid FHIR R4: " + brief(e.getMessage()));
            return null;
        }
    }

    private static String brief(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceAll("^HAPI-\\d+:\\s*", "").replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
