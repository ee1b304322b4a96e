package health.ferry.records;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** A resource dated today, so it leads its category on the page (frank holds other tests' records too). */
    private static String resource(String type, String id, String text) {
        return "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",\"code\":{\"text\":\"" + text
                + "\"},\"recordedDate\":\"" + java.time.LocalDate.now() + "\"}";
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
        // Deleting asks first, naming the count; only the confirmed post deletes.
        page.form(Map.of("record", appendix, "action", "delete")).post("/records/decisions").then().statusCode(200)
                .body(containsString("Delete 1 record for good?"));
        as("frank").get(base).then().body("items.display", hasItem("Page Appendectomy"));
        page.form(Map.of("record", appendix, "action", "delete", "confirmed", "yes")).post("/records/decisions")
                .then().statusCode(303);
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

    private static int count(String html, String needle) {
        return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void longCategoriesArePagedAndATickedCategoryCoversItsHiddenRecords() {
        String ward = health.ferry.connections.SandboxConnections.ward("alice", "Paging Person", "1980-01-02");
        UUID person = UUID.fromString(ward);
        RecordSource s = RecordSource.connection(UUID.randomUUID());
        for (int i = 0; i < 60; i++) {
            store.upsert(person, s, resource("Condition", "pg" + i, "Paged condition " + i));
        }
        for (int i = 0; i < 3; i++) {
            store.upsert(person, s, resource("Procedure", "pgp" + i, "Paged procedure " + i));
        }
        String first = as("alice").cookie("ferry_acting", ward).get("/records").then().statusCode(200)
                .body(containsString("Conditions (60)")).body(containsString("Show 50 more"))
                .body(containsString("/records?state=pending&amp;category=conditions&amp;page=0#pending-conditions"))
                .extract().asString();
        // Dates read as people write them; the machine form stays in the datetime attribute only.
        String today = java.time.LocalDate.now().toString();
        org.junit.jupiter.api.Assertions.assertTrue(first.contains("<time datetime=\"" + today + "\">"
                + RecordFormats.DAY.format(java.time.LocalDate.now()) + "</time>"), "a readable date");
        org.junit.jupiter.api.Assertions.assertTrue(!first.contains(">" + today + "<"), "no ISO date as text");
        String conditions = first.substring(first.indexOf("data-category=\"conditions\""),
                first.indexOf("data-category=\"procedures\""));
        assertEquals(CategoryGroup.SHOWN, count(conditions, "name=\"record\""), "a bounded part of the category");
        String opened = as("alice").cookie("ferry_acting", ward)
                .get("/records?state=pending&category=conditions&page=0").then().statusCode(200)
                .body(containsString("Page 1 of 2")).body(containsString("Next page")).extract().asString();
        assertEquals(CategoryGroup.OPEN_SIZE + 3, count(opened, "name=\"record\""));
        as("alice").cookie("ferry_acting", ward).get("/records?state=pending&category=conditions&page=1").then()
                .body(containsString("Page 2 of 2")).body(containsString("Previous page"))
                .body(not(containsString("Next page")));

        String api = "/api/v1/people/" + ward + "/records";
        List<String> shown = as("alice").queryParam("category", "conditions").queryParam("size", 10).get(api).then()
                .extract().path("items.id");
        List<String> procedures = as("alice").queryParam("category", "procedures").get(api).then()
                .extract().path("items.id");
        String kept = shown.get(3);
        List<String> ticked = shown.stream().filter(id -> !id.equals(kept)).toList();
        PageSession page = PageSession.open("alice", "/records");
        // the whole conditions category, minus the one shown and unticked; procedures shown but none ticked
        page.form(Map.of("category", "conditions", "record", ticked, "action", "add",
                        "shown", java.util.stream.Stream.concat(shown.stream(), procedures.stream()).toList()))
                .cookie("ferry_acting", ward).post("/records/decisions").then().statusCode(303)
                .header("Location", containsString("/records?added=59&deleted=0"));
        as("alice").get(api).then().body("total", equalTo(4)).body("items.id", hasItem(kept));
        as("alice").queryParam("state", "accepted").get(api).then().body("total", equalTo(59));
        as("alice").cookie("ferry_acting", ward).get("/records").then()
                .body(containsString("Conditions (59)")).body(containsString("data-testid=\"more-accepted-conditions\""))
                .body(containsString("Show 49 more"));

        page.form(Map.of("category", "procedures", "action", "delete")).cookie("ferry_acting", ward)
                .post("/records/decisions").then().statusCode(200).body(containsString("Delete 3 records"));
        page.form(Map.of("category", "procedures", "action", "delete", "confirmed", "yes"))
                .cookie("ferry_acting", ward).post("/records/decisions").then().statusCode(303)
                .header("Location", containsString("/records?added=0&deleted=3"));
        as("alice").get(api).then().body("total", equalTo(1));
        page.form(Map.of("category", "nonsense", "action", "add")).cookie("ferry_acting", ward)
                .post("/records/decisions").then().statusCode(400);
        as("alice").get(api).then().body("total", equalTo(1));
    }
}
