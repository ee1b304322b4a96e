package health.ferry.notifications;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "My portal isn't listed": the participant waits, an admin decides, and the participant is told either way. */
@QuarkusTest
class PortalDecisionNoticesTest {
    static String requestAndWait(String user, String website) {
        String portal = as(user).contentType(ContentType.JSON).body(Map.of("website", website))
                .post("/api/v1/portals/requests").then().statusCode(201)
                .body("supportStatus", equalTo("pending")).extract().path("portalId");
        String self = as(user).get("/api/v1/me").then().extract().path("people[0].id");
        as(user).contentType(ContentType.JSON).body(Map.of("portalId", portal))
                .post("/api/v1/people/" + self + "/connections").then().statusCode(201)
                .body("status", equalTo("pending_portal")).body("failure.code", equalTo("portal_pending"));
        return portal;
    }

    static void decide(String portal, String status) {
        as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", status))
                .post("/api/v1/admin/portals/" + portal + "/support-status").then().statusCode(200);
    }

    @Test
    void aSupportedPortalInvitesTheParticipantToConnect() {
        String portal = requestAndWait("frank", "https://portal." + UUID.randomUUID() + ".example/login");
        decide(portal, "supported");
        as("frank").get("/home").then().statusCode(200)
                .body(containsString("can now be connected"))
                .body(containsString("href=\"/connections/new/" + portal + "\""));
        String self = as("frank").get("/api/v1/me").then().extract().path("people[0].id");
        as("frank").get("/api/v1/people/" + self + "/connections").then()
                .body("items.portalId", not(org.hamcrest.Matchers.hasItem(portal)));
    }

    @Test
    void anUnsupportedPortalSaysSoAndTheNoticeCanBeDismissed() {
        String portal = requestAndWait("frank", "https://records." + UUID.randomUUID() + ".example/");
        decide(portal, "not_supported");
        String self = as("frank").get("/api/v1/me").then().extract().path("people[0].id");
        as("frank").get("/api/v1/people/" + self + "/connections").then()
                .body("items.find { it.portalId == '" + portal + "' }.status", equalTo("not_supported"));
        String home = as("frank").get("/home").then().body(containsString("Ferry cannot connect to")).extract()
                .asString();
        String noticeId = home.replaceAll("(?s).*action=\"/notices/([0-9a-f-]{36})/dismiss\".*", "$1");
        PageSession.open("bob", "/home").form(Map.of()).post("/notices/" + noticeId + "/dismiss").then()
                .statusCode(404);
        PageSession.open("frank", "/home").formWithoutToken(Map.of()).post("/notices/" + noticeId + "/dismiss")
                .then().statusCode(400);
        PageSession.open("frank", "/home").form(Map.of()).post("/notices/" + noticeId + "/dismiss").then()
                .statusCode(303);
        as("frank").get("/home").then().body(not(containsString("/notices/" + noticeId + "/dismiss")));
    }
}
