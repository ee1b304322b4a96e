package health.ferry.directory;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import health.ferry.ProductionLimitsProfile;
import health.ferry.connections.smart.SmartConnector;
import health.ferry.outbound.AddressRules.Refusal;
import health.ferry.outbound.OutboundRefused;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 4, with the allowance off as in production ({@link ProductionLimitsProfile}): the host name
 * {@code localhost} that dev and tests exempt for the sandbox is refused like any internal address, by the import,
 * by SMART discovery and by a credential sign-in, and a listener there sees no request.
 */
@QuarkusTest
@TestProfile(ProductionLimitsProfile.class)
class OutboundAllowanceOffTest {
    @Inject
    SmartConnector smart;

    private HttpServer portal;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        portal.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        portal.start();
    }

    @AfterEach
    void stop() {
        portal.stop(0);
    }

    @Test
    void smartDiscoveryOnLocalhostIsRefused() {
        URI base = URI.create("http://localhost:" + portal.getAddress().getPort() + "/fhir");
        OutboundRefused refused = assertThrows(OutboundRefused.class,
                () -> smart.authorize(base, URI.create("http://localhost/connections/smart/callback")));
        assertEquals(Refusal.INTERNAL_NAME, refused.refusal());
        assertEquals(0, requests.get());
    }

    @Test
    void anImportOfALocalhostEndpointIsRefusedWithTheReason() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Endpoint",
                 "id":"local-%s","status":"active","connectionType":{"code":"hl7-fhir-rest"},"name":"Local %s",
                 "payloadType":[{"text":"none"}],"address":"http://localhost:%d/fhir"}}]}"""
                .formatted(id, id, portal.getAddress().getPort());
        JsonPath report = as("admin").contentType(ContentType.JSON).body(bundle)
                .post("/api/v1/admin/directory/imports").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("skipped"), report.prettify());
        List<String> reasons = report.getList("problems.reason");
        assertTrue(reasons.get(0).startsWith("Endpoint refused: The address localhost is a local or internal host"),
                reasons::toString);
        assertEquals(0, requests.get());
    }

    @Test
    void aCredentialSignInAtTheSandboxOnLocalhostIsAPortalSetUpProblem() {
        // The sandbox's sign-in service is Ferry itself at http://localhost:<test port>: allowed in dev and tests only.
        String portalId = as("jude").queryParam("by", "organization").queryParam("q", "Sandbox General Hospital")
                .get("/api/v1/portals").then().statusCode(200)
                .extract().path("items.find { it.name == 'Sandbox General Hospital' }.id");
        String self = as("jude").get("/api/v1/me").then().extract().path("people[0].id");
        Map<String, Object> body = new HashMap<>(Map.of("portalId", portalId, "username", "demo", "password", "demo"));
        String id = as("jude").contentType(ContentType.JSON).body(body).post("/api/v1/people/" + self + "/connections")
                .then().statusCode(201).extract().path("id");
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath c;
        do {
            c = as("jude").get("/api/v1/connections/" + id).then().statusCode(200).extract().jsonPath();
        } while ("validating".equals(c.getString("status")) && System.currentTimeMillis() < deadline);
        assertEquals("not_supported", c.getString("status"));
        assertEquals("portal_not_supported", c.getString("failure.code"));
        assertEquals("Ferry cannot connect to this portal.", c.getString("failure.message"));
    }
}
