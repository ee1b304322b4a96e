package health.ferry.directory;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3: one participant cannot put a portal card in front of everyone else. A request copying a listed
 * portal's name or website host is refused; a new request is found by its requester alone until an admin decides;
 * an account may ask for a few new portals a day.
 */
@QuarkusTest
class PortalRequestPoisoningTest {
    private static final String GENERAL = "Sandbox General Hospital";

    @Inject
    DirectoryIndex index;

    private static String listedId(String user) {
        return as(user).queryParam("by", "organization").queryParam("q", GENERAL).get("/api/v1/portals").then()
                .statusCode(200).extract().path("items.find { it.name == '" + GENERAL + "' }.id");
    }

    private static io.restassured.response.ValidatableResponse request(String user, Map<String, String> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/v1/portals/requests").then();
    }

    @Test
    void aRequestCopyingAListedPortalsNameIsRefusedAndNobodySeesASecondCard() {
        String listed = listedId("bob");
        request("hana", Map.of("name", GENERAL, "website", "https://mychart-sandbox-general.evil.example/login"))
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("portal_already_listed")).body("portalId", equalTo(listed))
                .body("detail", containsString("already in the directory"));
        index.rebuild();
        List<String> ids = as("bob").queryParam("by", "organization").queryParam("q", GENERAL).get("/api/v1/portals")
                .then().statusCode(200).extract().path("items.findAll { it.name == '" + GENERAL + "' }.id");
        assertEquals(List.of(listed), ids, "one card for the listed portal, none for the copy");
        List<String> sites = as("bob").queryParam("by", "organization").queryParam("q", GENERAL)
                .get("/api/v1/portals").then().extract().path("items.website");
        sites.forEach(site -> assertEquals(false, site != null && site.contains("evil.example"), site));
    }

    @Test
    void aRequestOnAListedPortalsWebsiteHostIsRefused() {
        String listed = listedId("hana");
        // The sandbox's website is the whole host; a different page on another listed host is refused the same way.
        request("hana", Map.of("name", "Totally Different Clinic", "website",
                "https://MyChart.Sandbox-General.example/")).statusCode(200).body("portalId", equalTo(listed));
        String host = "host-" + UUID.randomUUID().toString().substring(0, 8) + ".clinic.example";
        String first = request("jude", Map.of("website", "https://" + host + "/mychart/login")).statusCode(201)
                .extract().path("portalId");
        as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "supported"))
                .post("/api/v1/admin/portals/" + first + "/support-status").then().statusCode(200);
        request("hana", Map.of("name", "Copy Of Somebody", "website", "https://" + host + "/other/login"))
                .statusCode(409).body("code", equalTo("portal_already_listed")).body("portalId", equalTo(first));
    }

    @Test
    void anUndecidedRequestIsFoundByItsRequesterAloneUntilAnAdminDecides() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Willow Bend Family Clinic " + suffix;
        String host = "willow-" + suffix + ".clinic.example";
        String id = request("jude", Map.of("name", name, "website", "https://" + host + "/login")).statusCode(201)
                .body("supportStatus", equalTo("pending")).extract().path("portalId");
        index.rebuild();
        // The requester finds it (by name and by website)...
        as("jude").queryParam("by", "organization").queryParam("q", name).get("/api/v1/portals").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
        as("jude").queryParam("by", "website").queryParam("q", host).get("/api/v1/portals").then()
                .statusCode(200).body("items[0].id", equalTo(id));
        // ...nobody else does, and its id leads nowhere for them.
        // (Search is fuzzy: on a shared database other clinics may rank for the words; never this one.)
        as("bob").queryParam("by", "organization").queryParam("q", name).get("/api/v1/portals").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)))
                .body("items.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(name)));
        as("bob").queryParam("by", "website").queryParam("q", host).get("/api/v1/portals").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        as("bob").redirects().follow(false).get("/connections/new/" + id).then().statusCode(404);
        String bobSelf = as("bob").get("/api/v1/me").then().extract().path("people[0].id");
        as("bob").contentType(ContentType.JSON).body(Map.of("portalId", id))
                .post("/api/v1/people/" + bobSelf + "/connections").then().statusCode(400)
                .body("errors[0].field", equalTo("portalId"));
        // Asking for the same website does not reveal it either: bob's request is bob's own.
        String bobs = request("bob", Map.of("website", "https://" + host + "/login")).statusCode(201)
                .extract().path("portalId");
        assertEquals(false, id.equals(bobs));
        // An admin's decision lists it for everyone.
        as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "supported"))
                .post("/api/v1/admin/portals/" + id + "/support-status").then().statusCode(200);
        as("bob").queryParam("by", "organization").queryParam("q", name).get("/api/v1/portals").then()
                .statusCode(200).body("items[0].id", equalTo(id));
        index.rebuild();
        as("bob").queryParam("by", "organization").queryParam("q", name).get("/api/v1/portals").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void anAccountMayAskForFiveNewPortalsADay() {
        for (int i = 0; i < 5; i++) {
            request("ivan", Map.of("website", "https://limit-" + i + "-" + UUID.randomUUID() + ".example/"))
                    .statusCode(201);
        }
        String retryAfter = request("ivan", Map.of("website", "https://limit-6-" + UUID.randomUUID() + ".example/"))
                .statusCode(429).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("rate_limited")).body("detail", containsString("at most 5 new portals a day"))
                .extract().path("retryAfter");
        Instant again = Instant.parse(retryAfter);
        assertEquals(true, again.isAfter(Instant.now().plusSeconds(23 * 3600)), retryAfter);
        // Answering with a listed portal creates nothing and is not limited.
        request("ivan", Map.of("name", GENERAL)).statusCode(200).body("portalId", equalTo(listedId("ivan")));
        // The page says the same in words.
        PageSession page = PageSession.open("ivan", "/connections/new");
        page.form(Map.of("request", "limit-page-" + UUID.randomUUID() + ".example")).post("/connections/portal-requests")
                .then().statusCode(429).body(containsString("at most 5 new portals a day"));
    }

    @Test
    void aRequestedNameWithDirectionOverridesIsRefusedLikeAnyFreeText() {
        request("hana", Map.of("name", "Evil \u202EnaC latipsoH")).statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo(health.ferry.outcome.FreeText.MESSAGE));
    }
}
