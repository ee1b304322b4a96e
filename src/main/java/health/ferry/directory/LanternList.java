package health.ferry.directory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/**
 * Reads an ONC Lantern endpoint list ({@code {"Endpoints": [{"URL", "OrganizationName", "NPIID",
 * "OrganizationZipCode"}]}}, the form in which Lantern republishes Epic's and Oracle Health's lists) as the FHIR
 * resources a vendor's Bundle would hold: per item, an Organization (its name, NPI and ZIP code) and an Endpoint
 * managed by it. The rest of the import treats them as any Bundle's entries, so a list imported in both forms
 * describes the same servers.
 */
final class LanternList {
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final int MAX_TEXT = 300;

    private LanternList() {
    }

    /** Reads the array at the parser's position (after its START_ARRAY) into entries; unusable items are skipped. */
    static void read(JsonParser json, ObjectMapper mapper, List<BundleReader.Entry> entries, ImportBatch batch)
            throws IOException, BundleReader.Unreadable {
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (index >= BundleReader.MAX_ENTRIES) {
                throw new BundleReader.Unreadable("The list has more than " + BundleReader.MAX_ENTRIES
                        + " endpoints.");
            }
            JsonNode item = mapper.readTree(json);
            int at = index++;
            String label = "Endpoints[" + at + "]";
            String url = text(item, "URL");
            String name = text(item, "OrganizationName");
            if (url == null) {
                batch.skip(label, "The item has no URL.");
                continue;
            }
            if (name == null) {
                batch.skip(label, "The item has no OrganizationName to list it under.");
                continue;
            }
            String id = id(FhirEndpoint.keyOf(url));
            Organization org = new Organization();
            org.setId("lantern-org-" + id);
            org.setName(name);
            String npi = text(item, "NPIID");
            if (npi != null && npi.matches("\\d{10}")) {
                org.addIdentifier().setSystem(NPI).setValue(npi);
            }
            String zip = text(item, "OrganizationZipCode");
            if (zip != null && zip.matches("\\d{5}(-\\d{4})?")) {
                org.addAddress(new Address().setPostalCode(zip).setCountry("US"));
            }
            Endpoint endpoint = new Endpoint();
            endpoint.setId("lantern-" + id);
            endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
            endpoint.setConnectionType(new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                    "hl7-fhir-rest", null));
            endpoint.setName(name);
            endpoint.setAddress(url);
            endpoint.setManagingOrganization(new Reference("Organization/" + org.getIdPart()));
            entries.add(new BundleReader.Entry(2 * at, null, org));
            entries.add(new BundleReader.Entry(2 * at + 1, null, endpoint));
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        return text.length() > MAX_TEXT * 4 ? text.substring(0, MAX_TEXT * 4) : text;
    }

    /** A short stable id from the endpoint's key: the same server gets the same id in every import. */
    private static String id(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
