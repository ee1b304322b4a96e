package health.ferry.directory;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import health.ferry.connections.smart.ClientAuthentication;
import health.ferry.connections.smart.SmartConnector;
import health.ferry.outbound.AddressRules.Refusal;
import health.ferry.outbound.OutboundRefused;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 4, end to end: with the test profile's allowance (the host name {@code localhost} only, for the
 * sandbox Ferry serves itself) an admin import refuses loopback, metadata and other internal endpoint addresses with
 * the reason; SMART discovery whose {@code token_endpoint} is on 127.0.0.1 is not followed; a FHIR base given by
 * number is not fetched; and a participant whose portal points at such an address is told it is a portal set-up
 * problem ({@code portal_not_supported}), not theirs. Canary listeners prove nothing connected.
 */
@QuarkusTest
class OutboundFetchRefusalTest {
    @Inject
    SmartConnector smart;
    @Inject
    DirectoryWriter writer;
    @Inject
    PortalRepository portals;

    private HttpServer portal;
    private ServerSocket canary;
    private final AtomicInteger discoveries = new AtomicInteger();
    private final AtomicInteger canaryConnections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        canary = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            while (!canary.isClosed()) {
                try (Socket s = canary.accept()) {
                    canaryConnections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "outbound-canary");
        t.setDaemon(true);
        t.start();
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        portal.createContext("/fhir/.well-known/smart-configuration", exchange -> {
            discoveries.incrementAndGet();
            byte[] body = ("{\"authorization_endpoint\":\"http://localhost:" + port() + "/authorize\","
                    + "\"token_endpoint\":\"https://127.0.0.1:" + canary.getLocalPort() + "/token\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        portal.start();
    }

    @AfterEach
    void stop() throws IOException {
        portal.stop(0);
        canary.close();
    }

    private int port() {
        return portal.getAddress().getPort();
    }

    @Test
    void discoveryWhoseTokenEndpointIsLoopbackIsNotFollowed() {
        URI fhirBase = URI.create("http://localhost:" + port() + "/fhir");
        URI callback = URI.create("http://localhost/connections/smart/callback");
        OutboundRefused exchange = assertThrows(OutboundRefused.class,
                () -> smart.exchange(fhirBase, callback, "code", "verifier",
                        ClientAuthentication.PUBLIC));
        assertEquals(Refusal.LOOPBACK, exchange.refusal());
        OutboundRefused refresh = assertThrows(OutboundRefused.class,
                () -> smart.refresh(fhirBase, "{\"refresh_token\":\"r\"}", ClientAuthentication.PUBLIC));
        assertEquals(Refusal.LOOPBACK, refresh.refusal());
        // read once: the second call takes it from the discovery cache (ferry.connections.smart.discovery-ttl)
        assertEquals(1, discoveries.get(), "the discovery document (on the allowed sandbox host) was read");
        assertEquals(0, canaryConnections.get(), "nothing connected to the token endpoint on 127.0.0.1");
    }

    @Test
    void aFhirBaseGivenByNumberIsNotFetchedEvenWhenItsHostNameIsAllowed() {
        URI callback = URI.create("http://localhost/connections/smart/callback");
        for (String base : new String[] {"http://127.0.0.1:" + port() + "/fhir", "http://[::ffff:127.0.0.1]:" + port()
                + "/fhir", "http://2130706433:" + port() + "/fhir", "http://0x7f.1:" + port() + "/fhir"}) {
            assertThrows(OutboundRefused.class, () -> smart.authorize(URI.create(base), callback), base);
        }
        assertEquals(0, discoveries.get(), "no discovery request reached the portal");
    }

    @Test
    void anAdminImportRefusesInternalEndpointsWithTheReason() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 %s, %s, %s, %s, %s, %s]}""".formatted(
                endpoint("loop-" + id, "Loopback Clinic " + id, "http://127.0.0.1:" + port() + "/fhir/", null),
                endpoint("meta-" + id, "Metadata Clinic " + id, "http://169.254.169.254/latest/", null),
                endpoint("v6-" + id, "Six Clinic " + id, "http://[::1]:" + port() + "/fhir", null),
                endpoint("dec-" + id, "Decimal Clinic " + id, "http://2130706433/fhir", null),
                endpoint("tok-" + id, "Token Clinic " + id, "https://fhir.tok-" + id + ".example/r4",
                        "https://127.0.0.1:" + canary.getLocalPort() + "/token"),
                endpoint("good-" + id, "Public Clinic " + id, "https://fhir.good-" + id + ".example/r4", null));
        JsonPath report = as("admin").contentType(ContentType.JSON).body(bundle).queryParam("source", "ssrf-" + id)
                .post("/api/v1/admin/directory/imports").then().statusCode(200).extract().jsonPath();
        assertEquals(5, report.getInt("skipped"), report.prettify());
        assertEquals(1, report.getInt("endpoints.created"), report.prettify());
        List<String> reasons = report.getList("problems.reason");
        assertEquals(5, reasons.stream().filter(r -> r.startsWith("Endpoint refused: The address ")).count(),
                reasons::toString);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("169.254.169.254 is a cloud metadata service")), 
                reasons::toString);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("127.0.0.1 is a loopback address")), reasons::toString);
        assertEquals(0, discoveries.get());
        assertEquals(0, canaryConnections.get());
        for (String refused : new String[] {"Loopback Clinic ", "Metadata Clinic ", "Six Clinic ", "Decimal Clinic ",
            "Token Clinic "}) {
            as("bob").queryParam("by", "organization").queryParam("q", refused + id).get("/api/v1/portals").then()
                    .statusCode(200).body("items.name", not(hasItem(refused + id)));
        }
        as("bob").queryParam("by", "organization").queryParam("q", "Public Clinic " + id).get("/api/v1/portals")
                .then().statusCode(200).body("items.name", hasItem("Public Clinic " + id));
    }

    @Test
    void aParticipantWhosePortalPointsInsideIsToldItIsAPortalSetUpProblem() {
        // A portal whose FHIR base is loopback by number (listed before this rule, or written by hand).
        String key = "ssrf-portal-" + UUID.randomUUID();
        String base = "http://127.0.0.1:" + port() + "/fhir";
        ImportBatch batch = new ImportBatch();
        batch.endpoint(new ImportBatch.EndpointDraft(FhirEndpoint.keyOf(base), base, "Inside", null, "4.0.1",
                "active", null, null, Set.of()));
        batch.portal(new ImportBatch.PortalDraft(key, "Inside Health " + key, List.of(), null, true,
                Set.of(FhirEndpoint.keyOf(base)), Set.of(), ConnectionMethod.SMART));
        writer.write("test", batch);
        String portalId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> portals
                .findBySourceKey(key).orElseThrow().id.toString());
        String person = as("jude").get("/api/v1/me").then().extract().path("people[0].id");
        JsonPath c = as("jude").contentType(ContentType.JSON).body(Map.of("portalId", portalId))
                .post("/api/v1/people/" + person + "/connections").then().statusCode(201).extract().jsonPath();
        assertNull(c.getString("authorizeUrl"));
        assertEquals("not_supported", c.getString("status"));
        assertEquals("portal_not_supported", c.getString("failure.code"));
        assertFalse(c.getString("failure.message").matches("(?i).*(127\\.0\\.0\\.1|refused|loopback|exception).*"));
        assertEquals(0, discoveries.get(), "Ferry did not fetch from the loopback address");
    }

    private static String endpoint(String id, String name, String address, String token) {
        String oauth = token == null ? "" : """
                "extension":[{"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                  "extension":[{"url":"token","valueUri":"%s"}]}],""".formatted(token);
        return """
                {"resource":{"resourceType":"Endpoint","id":"%s",%s"status":"active",
                 "connectionType":{"code":"hl7-fhir-rest"},"name":"%s","payloadType":[{"text":"none"}],
                 "address":"%s"}}""".formatted(id, oauth, name, address);
    }
}
