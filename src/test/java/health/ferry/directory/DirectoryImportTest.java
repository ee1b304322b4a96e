package health.ferry.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports written to the database: update in place, reports, admin decisions kept, the admin API. */
@QuarkusTest
class DirectoryImportTest {
    @Inject
    DirectoryImport imports;
    @Inject
    PortalDirectory directory;
    @Inject
    PortalRepository portals;
    @Inject
    FhirEndpointRepository endpoints;
    @Inject
    DoctorRepository doctors;
    @Inject
    SandboxEntries sandbox;

    private static String fixtureText(String name) throws IOException {
        try (InputStream in = DirectoryCorpus.fixture(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ImportReport importText(String source, String json) {
        return imports.importList(source, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
    }

    private PortalSummary first(String by, String q) {
        var page = directory.search(by, q, 0, 5);
        return page.items().isEmpty() ? null : page.items().get(0);
    }

    @Test
    void reimportUpdatesInPlace() throws IOException {
        String json = fixtureText("endpoints-small.json");
        ImportReport firstRun = importText("endpoints-small.json", json);
        assertNull(firstRun.error());
        assertEquals(5, firstRun.skipped());
        assertEquals(5, firstRun.problems().size());

        ImportReport again = importText("endpoints-small.json", json);
        assertEquals(0, again.created(), again::toString);
        assertEquals(0, again.updated(), again::toString);
        assertEquals(firstRun.created() + firstRun.updated() + firstRun.unchanged(), again.unchanged());

        ImportReport renamed = importText("renamed", json.replace("Lakeside Regional Hospital",
                "Lakeside Regional Medical Center"));
        assertEquals(0, renamed.created(), renamed::toString);
        assertEquals(3, renamed.updated(), renamed::toString); // organisation, endpoint name, portal
        assertEquals(1L, portals.count("sourceKey", "endpoint:Endpoint/ep-lakeside-main"));
        assertEquals(1L, endpoints.count("addressKey",
                "https://fhir.lakeside-health.example/interconnect/api/fhir/r4"));

        PortalSummary lakeside = first("organization", "lakeside regional medical");
        assertEquals("Lakeside Regional Medical Center", lakeside.name());
        assertEquals(List.of("Lakeside Regional Medical Center"), lakeside.organizations());
        assertEquals("smart", lakeside.connectionMethod());
        assertEquals("supported", lakeside.supportStatus());
        assertEquals("not_supported", first("organization", "hillview family").supportStatus());
    }

    @Test
    void brandsBundleIsSearchableByWebsiteAndAffiliate() throws IOException {
        ImportReport report = importText("brands-small.json", fixtureText("brands-small.json"));
        assertEquals(2, report.portals().created() + report.portals().updated() + report.portals().unchanged());
        assertEquals("Northwind MyHealth", first("website",
                "https://myhealth.northwind.example/MyHealth/Authentication/Login?mode=stdfile").name());
        assertEquals("Northwind MyHealth", first("website", "eye.northwind.example").name());
        assertEquals("Northwind MyHealth", first("organization", "northwind eye clinic").name());
        assertEquals("Northwind MyHealth", first("organization", "Northwind Medical Group").name());
        assertEquals("Oakridge Pediatrics", first("organization", "oakrdge pediatric").name());
    }

    @Test
    void adminDecisionSurvivesReimport() throws IOException {
        String json = fixtureText("brands-small.json");
        importText("brands-small.json", json);
        PortalSummary oakridge = first("organization", "Oakridge Pediatrics");
        directory.decideSupport(oakridge.id().toString(), "not_supported");
        assertEquals("not_supported", first("organization", "Oakridge Pediatrics").supportStatus());
        importText("brands-small.json", json);
        assertEquals("not_supported", first("organization", "Oakridge Pediatrics").supportStatus());
        directory.decideSupport(oakridge.id().toString(), "supported");
        assertEquals("supported", first("organization", "Oakridge Pediatrics").supportStatus());
    }

    @Test
    void importTakesOverARequestedPortalWithTheSameWebsite() {
        Portal requested = QuarkusTransaction.requiringNew().call(() -> {
            Portal p = Portal.requested("Birchwood portal", WebsiteAddress.parse("birchwood-health.example/mychart")
                    .address(), null, java.time.Instant.now());
            portals.persist(p);
            return p;
        });
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"https://b.example/Organization/birch","resource":{"resourceType":"Organization",
                  "id":"birch","name":"Birchwood Health","extension":[{"url":
                  "http://hl7.org/fhir/StructureDefinition/organization-portal","extension":[
                  {"url":"portalName","valueString":"Birchwood MyChart"},
                  {"url":"portalUrl","valueUrl":"https://www.birchwood-health.example/MyChart/"},
                  {"url":"portalEndpoint","valueReference":{"reference":"Endpoint/birch-r4"}}]}]}},
                 {"fullUrl":"https://b.example/Endpoint/birch-r4","resource":{"resourceType":"Endpoint",
                  "id":"birch-r4","status":"active","address":"https://fhir.birchwood-health.example/r4"}}]}
                """;
        ImportReport report = importText("birchwood", bundle);
        assertEquals(0, report.portals().created(), report::toString);
        assertEquals(1, report.portals().updated(), report::toString);
        Portal taken = QuarkusTransaction.requiringNew().call(() -> portals.findById(requested.id));
        assertEquals("Birchwood MyChart", taken.name);
        assertEquals("portal:birchwood-health.example/mychart", taken.sourceKey);
        assertEquals(SupportStatus.SUPPORTED, taken.supportStatus);
        assertEquals(ConnectionMethod.SMART, taken.connectionMethod);
    }

    @Test
    void unreadableFilesGiveAnErrorReport() {
        ImportReport report = importText("junk", "{{{ not json");
        assertTrue(report.failed());
        assertTrue(report.error().startsWith("The file is not valid JSON"), report.error());
        assertEquals(0, report.created());
    }

    @Test
    void importsEveryListOfAFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-brands.json"), fixtureText("brands-small.json"));
        Files.writeString(dir.resolve("b-broken.json"), "nope");
        Files.writeString(dir.resolve("ignored.txt"), "not a list");
        List<ImportReport> reports = imports.importFolder(dir, null);
        assertEquals(2, reports.size());
        assertEquals("a-brands.json", reports.get(0).source());
        assertFalse(reports.get(0).failed());
        assertTrue(reports.get(1).failed());
        assertTrue(imports.importFolder(dir.resolve("missing"), null).isEmpty());
    }

    @Test
    void adminImportsThroughTheApi() throws IOException {
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(fixtureText("endpoints-small.json"))
                .queryParam("source", "endpoints-small.json")
                .when().post("/api/v1/admin/directory/imports").then().statusCode(200)
                .body("source", equalTo("endpoints-small.json"))
                .body("skipped", equalTo(5))
                .body("problems[0].entry", equalTo("entry[3] Endpoint/ep-ftp"))
                .body("problems[0].reason", containsString("not an http(s) URL"));
        health.ferry.Tokens.as("admin").contentType("application/fhir+json").body(fixtureText("brands-small.json"))
                .when().post("/api/v1/admin/directory/imports").then().statusCode(200)
                .body("source", equalTo("upload"));
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(fixtureText("patient.json"))
                .when().post("/api/v1/admin/directory/imports").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].message", containsString("not a Bundle"));
    }

    @Test
    void adminDecidesSupportThroughTheApi() {
        String id = directory.search("organization", "Sandbox Health System", 0, 1).items().get(0).id().toString();
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "not_supported"))
                .when().post("/api/v1/admin/portals/" + id + "/support-status").then().statusCode(200)
                .body("portalId", equalTo(id)).body("supportStatus", equalTo("not_supported"));
        assertEquals("not_supported", first("organization", "Sandbox Health System").supportStatus());
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "supported"))
                .when().post("/api/v1/admin/portals/" + id + "/support-status").then().statusCode(200);
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "maybe"))
                .when().post("/api/v1/admin/portals/" + id + "/support-status").then().statusCode(400)
                .body("errors[0].field", equalTo("supportStatus"));
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "supported"))
                .when().post("/api/v1/admin/portals/not-a-uuid/support-status").then().statusCode(404);
        health.ferry.Tokens.as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "supported"))
                .when().post("/api/v1/admin/portals/" + java.util.UUID.randomUUID() + "/support-status").then()
                .statusCode(404);
    }

    @Test
    void sandboxSeedIsIdempotentAndItsSmartEndpointIsOnFerry() {
        long portalsBefore = portals.count();
        long doctorsBefore = doctors.count();
        sandbox.seed();
        sandbox.seed();
        assertEquals(portalsBefore, portals.count());
        assertEquals(doctorsBefore, doctors.count());
        var smart = QuarkusTransaction.requiringNew().call(() -> portals.findBySourceKey(SandboxEntries.HEALTH_SYSTEM)
                .map(p -> endpoints.findByIds(p.endpointIds)).orElseThrow());
        assertEquals(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("ferry.sandbox.base-url", String.class) + "/sandbox/fhir", smart.get(0).address);
        assertEquals("sandbox", smart.get(0).ehrVendor);

        PortalSummary system = first("organization", "Sandbox Health System");
        PortalConnection connection = directory.connection(system.id()).orElseThrow();
        assertEquals("smart", connection.connectionMethod());
        assertEquals(List.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("ferry.sandbox.base-url", String.class) + "/sandbox/fhir"),
                connection.endpoints().stream().map(PortalConnection.Endpoint::address).toList());
        PortalConnection general = directory.connection(first("organization", "Sandbox General Hospital").id())
                .orElseThrow();
        assertEquals("credentials", general.connectionMethod());
        assertEquals(List.of("https://mychart.sandbox-general.example"), general.websites());
        assertTrue(directory.connection(java.util.UUID.randomUUID()).isEmpty());
    }

    // ---- the real vendor files (skipped where the corpus is absent)

    @Test
    void epicEndpointListImportsAndReimportsInPlace() throws IOException {
        Path file = DirectoryCorpus.corpusFile("endpointmanager/resources/EpicEndpointSourcesR4.json");
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importList(file.getFileName().toString(), in, "epic");
        }
        assertNull(report.error());
        assertEquals(265, report.portals().created() + report.portals().updated() + report.portals().unchanged());
        assertEquals(254, report.endpoints().created() + report.endpoints().updated()
                + report.endpoints().unchanged());
        ImportReport again;
        try (InputStream in = Files.newInputStream(file)) {
            again = imports.importList(file.getFileName().toString(), in, "epic");
        }
        assertEquals(0, again.created(), again::toString);
        assertEquals(0, again.updated(), again::toString);
        assertEquals("Kalamazoo Foot Surgery", first("organization", "kalamazoo foot surgery").name());
        assertEquals("UCSF Benioff Children's Hospital", first("organization", "benioff childrens").name());
    }

    @Test
    void smartBrandExamplesImport() throws IOException {
        for (int i = 1; i <= 4; i++) {
            Path file = DirectoryCorpus.corpusFile("input/resources/Bundle-example" + i + ".json");
            try (InputStream in = Files.newInputStream(file)) {
                ImportReport report = imports.importList(file.getFileName().toString(), in, null);
                assertNull(report.error(), report::toString);
            }
        }
        assertEquals("My ExampleHealth Portal", first("organization", "GoodHealth Mental Health").name());
        assertEquals("ExampleHospital Pediatric Portal",
                first("website", "https://pediatrics.examplehospital.ehr2.example.org/login").name());
    }
}
