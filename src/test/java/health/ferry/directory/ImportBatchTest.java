package health.ferry.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading published lists into drafts, without a database: fixtures first, then the real vendor files. */
class ImportBatchTest {

    private static ImportBatch read(InputStream in) throws BundleReader.Unreadable {
        return ImportBatch.read(in, FhirContexts.shared(), null);
    }

    private static <T> Map<String, T> byKey(java.util.Collection<T> drafts, Function<T, String> key) {
        return drafts.stream().collect(Collectors.toMap(key, d -> d));
    }

    @Test
    void endpointListWithContainedOrganisations() throws Exception {
        ImportBatch batch = read(DirectoryCorpus.fixture("endpoints-small.json"));

        var endpoints = byKey(batch.endpoints(), ImportBatch.EndpointDraft::key);
        assertEquals(3, endpoints.size(), endpoints::toString);
        var lakeside = endpoints.get("https://fhir.lakeside-health.example/interconnect/api/fhir/r4");
        assertEquals("https://fhir.lakeside-health.example/Interconnect/api/FHIR/R4/", lakeside.address());
        assertEquals("epic", lakeside.vendor());
        assertEquals(Set.of("Endpoint/ep-lakeside-main#organization", "Endpoint/ep-lakeside-pediatrics#organization"),
                lakeside.organisationKeys());
        var hillview = endpoints.get("https://api.hillview.example/fhir/r4");
        assertEquals("suspended", hillview.status());
        assertEquals("4.0.1", hillview.fhirVersion());
        assertEquals("https://auth.hillview.example/oauth2/authorize", hillview.authorizeUrl());
        assertEquals("https://auth.hillview.example/oauth2/token", hillview.tokenUrl());

        var portals = byKey(batch.portals(), ImportBatch.PortalDraft::key);
        assertEquals(Set.of("endpoint:Endpoint/ep-lakeside-main", "endpoint:Endpoint/ep-lakeside-pediatrics",
                "endpoint:Endpoint/ep-hillview", "endpoint:Endpoint/ep-odd-values"), portals.keySet());
        assertEquals("Lakeside Pediatrics Clinic", portals.get("endpoint:Endpoint/ep-lakeside-pediatrics").name());
        assertTrue(portals.get("endpoint:Endpoint/ep-lakeside-main").active());
        assertEquals(false, portals.get("endpoint:Endpoint/ep-hillview").active());
        assertEquals("Riverbend Urgent Care", portals.get("endpoint:Endpoint/ep-odd-values").name());

        var orgs = byKey(batch.organisations(), ImportBatch.OrganisationDraft::key);
        assertEquals(OrganisationKind.HOSPITAL, orgs.get("Endpoint/ep-lakeside-main#organization").kind());
        assertEquals(OrganisationKind.CLINIC, orgs.get("Endpoint/ep-lakeside-pediatrics#organization").kind());

        assertEquals(5, batch.skipped(), batch.problems()::toString);
        List<String> reasons = batch.problems().stream().map(p -> p.entry() + ": " + p.reason()).toList();
        assertTrue(reasons.contains("entry[3] Endpoint/ep-ftp: The endpoint address is not an http(s) URL."),
                reasons::toString);
        assertTrue(reasons.contains("entry[4] Endpoint/ep-direct: Not a FHIR REST endpoint (connectionType "
                + "direct-project)."), reasons::toString);
        assertTrue(reasons.contains("entry[5] Endpoint/ep-no-address: The endpoint has no address."));
        assertTrue(reasons.contains("entry[6] Patient/should-not-be-here: Only Organization and Endpoint resources "
                + "are read from a directory list."));
        assertTrue(reasons.contains("entry[7]: The entry has no resource."));
    }

    @Test
    void brandsBundleWithPortalsAndAffiliates() throws Exception {
        ImportBatch batch = read(DirectoryCorpus.fixture("brands-small.json"));

        var portals = byKey(batch.portals(), ImportBatch.PortalDraft::key);
        assertEquals(Set.of("portal:myhealth.northwind.example/myhealth",
                "http://hl7.org/fhir/sid/us-npi|1234567893#endpoints"), portals.keySet());
        var northwind = portals.get("portal:myhealth.northwind.example/myhealth");
        assertEquals("Northwind MyHealth", northwind.name());
        assertEquals(List.of("myhealth.northwind.example/myhealth", "northwind.example", "northwind.example/contact",
                "general.northwind-hospital.example", "eye.northwind.example"),
                northwind.websites().stream().map(WebsiteAddress::key).toList());
        assertEquals(Set.of("urn:ietf:rfc:3986|https://www.northwind.example",
                "urn:ietf:rfc:3986|https://general.northwind-hospital.example",
                "urn:ietf:rfc:3986|https://eye.northwind.example"), northwind.organisationKeys());
        assertEquals(Set.of("https://ehr.northwind.example/prodfhir/api/fhir/r4"), northwind.endpointKeys());
        assertEquals("epic", northwind.vendor());
        assertTrue(northwind.active());
        assertEquals("Oakridge Pediatrics", portals.get("http://hl7.org/fhir/sid/us-npi|1234567893#endpoints").name());

        var orgs = byKey(batch.organisations(), ImportBatch.OrganisationDraft::key);
        assertEquals(4, orgs.size(), orgs::toString);
        var brand = orgs.get("urn:ietf:rfc:3986|https://www.northwind.example");
        assertEquals(List.of("Northwind Medical Group"), brand.aliases());
        assertEquals("Springfield", brand.city());
        assertEquals("IL", brand.state());

        var endpoint = byKey(batch.endpoints(), ImportBatch.EndpointDraft::key)
                .get("https://ehr.northwind.example/prodfhir/api/fhir/r4");
        assertEquals(northwind.organisationKeys(), endpoint.organisationKeys());

        assertEquals(2, batch.skipped(), batch.problems()::toString);
        List<String> reasons = batch.problems().stream().map(p -> p.entry() + ": " + p.reason()).toList();
        assertTrue(reasons.contains("entry[4] Organization/lonely: The organization has no portal or FHIR endpoint "
                + "in this bundle."), reasons::toString);
        assertTrue(reasons.contains("entry[5] Organization/no-endpoint-portal portal 'Ghost Portal': The portal has no "
                + "usable FHIR endpoint in this bundle."), reasons::toString);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("Endpoint/missing-one is not a usable Endpoint")),
                reasons::toString);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "not-json.json|The file is not valid JSON",
        "patient.json|The file is a FHIR Patient, not a Bundle",
        "truncated.json|The file is not valid JSON",
    })
    void unreadableFilesSayWhy(String fixture, String message) {
        var e = assertThrows(BundleReader.Unreadable.class, () -> read(DirectoryCorpus.fixture(fixture)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''|The file is not a JSON object",
        "[]|The file is not a JSON object",
        "{}|The file is JSON but not a FHIR resource",
        "{\"resourceType\": 5}|The file is a FHIR resource, not a Bundle",
    })
    void oddJsonSaysWhy(String json, String message) {
        var e = assertThrows(BundleReader.Unreadable.class,
                () -> read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void emptyBundleIsNothingToDo() throws Exception {
        ImportBatch batch = read(new ByteArrayInputStream(
                "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(batch.portals().isEmpty());
        assertEquals(0, batch.skipped());
    }

    @Test
    void vendorHintWins() throws Exception {
        ImportBatch batch = ImportBatch.read(DirectoryCorpus.fixture("endpoints-small.json"), FhirContexts.shared(),
                "Acme EHR");
        assertTrue(batch.portals().stream().allMatch(p -> "acme-ehr".equals(p.vendor())));
        assertNull(EhrVendors.of(null, "https://fhir.riverbend.example/r4"));
        assertEquals("oracle-cerner", EhrVendors.of(null, "https://fhir-myrecord.cerner.com/r4/abc/"));
    }

    // ---- the real vendor files (skipped where the corpus is absent)

    @Test
    void epicEndpointList() throws Exception {
        ImportBatch batch = read(DirectoryCorpus.open(
                DirectoryCorpus.corpusFile("endpointmanager/resources/EpicEndpointSourcesR4.json")));
        assertEquals(0, batch.skipped(), batch.problems()::toString);
        assertEquals(265, batch.portals().size());
        // Several organisations share one server (seven at Bronson): one endpoint each, linked to all of them.
        assertEquals(265 - 11, batch.endpoints().size());
        var bronson = batch.endpoints().stream()
                .filter(e -> e.key().equals("https://hygieia.bronsonhg.org/fhirproxy/api/fhir/r4")).findFirst()
                .orElseThrow();
        assertEquals(7, bronson.organisationKeys().size());
        // Recognised from the address, except Duke's custom path: import such a list with the vendor hint.
        assertEquals(List.of("https://health-apis.duke.edu/fhir/patient/r4"), batch.endpoints().stream()
                .filter(e -> !"epic".equals(e.vendor())).map(ImportBatch.EndpointDraft::key).toList());
        assertTrue(batch.portals().stream().anyMatch(p -> p.name().equals("Kaiser Permanente – Georgia")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "input/resources/Bundle-example1.json|1|Example Labs HealthCentral Portal",
        "input/resources/Bundle-example2.json|1|My ExampleHealth Portal",
        "input/resources/Bundle-example3.json|2|ExampleHospital Pediatric Portal",
        "input/resources/Bundle-example4.json|2|Brand2 Portal",
    })
    void smartBrandExamples(String file, int portals, String aPortal) throws Exception {
        ImportBatch batch = read(DirectoryCorpus.open(DirectoryCorpus.corpusFile(file)));
        assertEquals(portals, batch.portals().size(), batch.portals()::toString);
        assertTrue(batch.portals().stream().anyMatch(p -> p.name().equals(aPortal)), batch.portals()::toString);
        assertTrue(batch.portals().stream().allMatch(p -> !p.endpointKeys().isEmpty()));
    }

    @Test
    void brandExampleTwoGivesAffiliatesThePortal() throws Exception {
        ImportBatch batch = read(DirectoryCorpus.open(
                DirectoryCorpus.corpusFile("input/resources/Bundle-example2.json")));
        var portal = batch.portals().iterator().next();
        assertEquals(3, portal.organisationKeys().size());
        assertEquals(2, portal.endpointKeys().size());
        assertTrue(portal.websites().stream().anyMatch(w -> w.host().equals("ehchospital.example.com")));
    }

    @Test
    void aLanternListIsReadAsEndpointsWithTheirOrganisations() throws BundleReader.Unreadable {
        ImportBatch batch = read(DirectoryCorpus.fixture("lantern.json"));
        assertEquals(1, batch.portals().size());
        ImportBatch.PortalDraft portal = batch.portals().iterator().next();
        assertEquals("Example", portal.name());
        ImportBatch.EndpointDraft endpoint = batch.endpoints().iterator().next();
        assertEquals("https://fhir.example/r4", endpoint.address());
        // The same server read again keys to the same endpoint and portal.
        ImportBatch again = read(DirectoryCorpus.fixture("lantern.json"));
        assertEquals(portal.key(), again.portals().iterator().next().key());
    }

    @Test
    void aLanternItemWithoutAUrlOrNameIsSkippedWithItsReason() throws BundleReader.Unreadable {
        String json = "{\"Endpoints\": [{\"URL\": \"\", \"OrganizationName\": \"No Address\"},"
                + " {\"URL\": \"https://fhir.example/x\"}, {\"URL\": \"ftp://fhir.example/y\", \"OrganizationName\": \"Ftp\"}]}";
        ImportBatch batch = read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0, batch.portals().size());
        List<String> reasons = batch.problems().stream().map(p -> p.entry() + ": " + p.reason()).toList();
        assertTrue(reasons.contains("Endpoints[0]: The item has no URL."), reasons::toString);
        assertTrue(reasons.contains("Endpoints[1]: The item has no OrganizationName to list it under."),
                reasons::toString);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not an http(s) URL")), reasons::toString);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "resources/prod_resources/Cerner_Corporation_EndpointSources.json|3305|oracle-cerner",
        "resources/prod_resources/Epic_Systems_Corporation_1_EndpointSources.json|450|epic"})
    void lanternListsImport(String file, int endpoints, String vendor) throws BundleReader.Unreadable {
        java.nio.file.Path list = DirectoryCorpus.corpusFile(file);
        ImportBatch batch = read(DirectoryCorpus.open(list));
        assertEquals(endpoints, batch.endpoints().size());
        assertEquals(endpoints, batch.portals().size());
        assertTrue(batch.endpoints().stream().allMatch(e -> vendor.equals(e.vendor())), vendor);
    }
}
