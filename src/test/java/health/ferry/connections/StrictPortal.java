package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;

import health.ferry.directory.TestPortals;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** A {@link StrictSmartServer} listed in the directory as a SMART portal, and a participant's steps with it. */
final class StrictPortal implements AutoCloseable {
    final StrictSmartServer server;
    final String portalId;
    private final String participant;

    StrictPortal(String participant) throws IOException {
        this(participant, new StrictSmartServer());
    }

    StrictPortal(String participant, StrictSmartServer server) {
        this(participant, server, null);
    }

    /** A portal whose endpoint is of this EHR vendor (its brand). */
    StrictPortal(String participant, StrictSmartServer server, String ehrVendor) {
        this.participant = participant;
        this.server = server;
        this.portalId = TestPortals.smart("Strict Health " + UUID.randomUUID(), server.fhirBase(), ehrVendor);
    }

    /** Starts a connection to the portal for a new ward; answers {id, authorizeUrl}. */
    String[] start() {
        return startFor(Sandbox.ward(participant, "Strict " + UUID.randomUUID().toString().substring(0, 8),
                "2012-03-04"));
    }

    /** Starts a connection to the portal for this person; answers {id, authorizeUrl}. */
    String[] startFor(String person) {
        Response r = as(participant).contentType(ContentType.JSON).body(Map.of("portalId", portalId))
                .post("/api/v1/people/" + person + "/connections");
        r.then().statusCode(201).body("status", equalTo("authorizing"));
        return new String[] {r.path("id"), r.path("authorizeUrl")};
    }

    /** The browser at the portal: where the portal sends it back to, or null when it does not. */
    static URI atPortal(String authorizeUrl) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 302 ? URI.create(r.headers().firstValue("Location").orElseThrow()) : null;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A connection through the portal, connected; answers its id. */
    String connected() {
        return connected(start());
    }

    /** A connection through the portal for this person, connected; answers its id. */
    String connectedFor(String person) {
        return connected(startFor(person));
    }

    private String connected(String[] started) {
        SmartConnectionsTest.returnToFerry(participant, atPortal(started[1])).then().statusCode(303);
        as(participant).get("/api/v1/connections/" + started[0]).then().body("status", equalTo("connected"));
        return started[0];
    }

    @Override
    public void close() {
        server.close();
    }
}
