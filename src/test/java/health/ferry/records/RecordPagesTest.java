package health.ferry.records;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Records pages: pending records by category, adding and deleting a selection with CSRF, settings. */
@QuarkusTest
class RecordPagesTest {
    @Inject
    RecordStore store;

    private static UUID self(String user) {
        return UUID.fromString(as(user).get("/api/v1/me").then().extract().path("people[0].id"));
    }

    private static String resource(String type, String id, String text) {
        return "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",\"code\":{\"text\":\"" + text + "\"}}";
    }

    @Test
    void pendingRecordsAreGroupedSelectedAndDecidedWithCsrf() {
        UUID person = self("frank");
        RecordSource s = RecordSource.connection(UUID.randomUUID());
        store.upsert(person, s, resource("Condition", "pc1", "Page Hay fever"));
        store.upsert(person, s, resource("Procedure", "pp1", "Page Appendectomy"));
        as("frank").get("/records").then().statusCode(200)
                .body(containsString("Page Hay fever")).body(containsString("Conditions"))
                .body(containsString("Procedures")).body(containsString("checked"))
                .body(containsString("/static/records.js")).body(not(containsString("<script>")));
        String base = "/api/v1/people/" + person + "/records";
        List<String> ids = as("frank").get(base).then().extract().path("items.id");
        List<String> names = as("frank").get(base).then().extract().path("items.display");
        String hayFever = ids.get(names.indexOf("Page Hay fever"));
        String appendix = ids.get(names.indexOf("Page Appendectomy"));

        PageSession page = PageSession.open("frank", "/records");
        page.formWithoutToken(Map.of("record", hayFever, "action", "add")).post("/records/decisions").then()
                .statusCode(400);
        page.form(Map.of("record", hayFever, "action", "add")).post("/records/decisions").then().statusCode(303)
                .header("Location", containsString("/records?added=1"));
        page.form(Map.of("record", appendix, "action", "done")).post("/records/decisions").then().statusCode(303);
        as("frank").get(base).then().body("items.display", hasItem("Page Appendectomy"));
        page.form(Map.of("record", appendix, "action", "delete")).post("/records/decisions").then().statusCode(303);
        as("frank").get(base).then().body("items.display", not(hasItem("Page Appendectomy")));
        as("frank").queryParam("state", "accepted").get(base).then().body("items.display", hasItem("Page Hay fever"));
        as("frank").get("/records").then().body(containsString("Kept for your studies"))
                .body(containsString("Page Hay fever"));
    }

    @Test
    void settingsPageSavesCategoriesAndEmail() {
        UUID person = self("erin");
        as("erin").get("/records/settings").then().statusCode(200).body(containsString("Lab results"));
        PageSession page = PageSession.open("erin", "/records/settings");
        page.form(Map.of("category", List.of("conditions", "medications"))).post("/records/settings").then()
                .statusCode(303).header("Location", containsString("/records"));
        as("erin").get("/api/v1/people/" + person + "/settings").then()
                .body("categories.conditions", equalTo(true)).body("categories.vital_signs", equalTo(false))
                .body("emailNotifications", equalTo(false));
    }
}
