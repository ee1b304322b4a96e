package health.ferry.records;

import static health.ferry.Tokens.as;
import static health.ferry.records.MeasurementFixtures.acceptAll;
import static health.ferry.records.MeasurementFixtures.bloodPressure;
import static health.ferry.records.MeasurementFixtures.child;
import static health.ferry.records.MeasurementFixtures.lab;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The return of value's data (GET /api/v1/people/{id}/measurements, and the same JSON on the timeline page):
 * numeric Observations grouped by LOINC code and unit, from a portal and a confirmed upload alike, ranges and units
 * as given; only the person's own accepted records.
 */
@QuarkusTest
class MeasurementsApiTest {
    static final String GLUCOSE = "2345-7";

    @Inject
    RecordStore store;

    @Test
    void groupsByLoincAndUnitFromEverySourceWithRanges() {
        UUID person = child("erin", "Measured Maya");
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        RecordSource upload = RecordSource.upload(UUID.randomUUID());
        store.upsert(person, portal, lab("g1", GLUCOSE, "Glucose", "2024-01-10", "98", "mg/dL", "70", "99"));
        store.upsert(person, portal, lab("g2", GLUCOSE, "Glucose", "2024-03-12", "112", "mg/dL", "70", "99"));
        store.upsert(person, upload, lab("g3", GLUCOSE, "Glucose", "2024-02-05", "104.5", "mg/dL", "70", "100"));
        store.upsert(person, upload, lab("g4", GLUCOSE, "Glucose", "2024-04-01", "5.9", "mmol/L", "3.9", null));
        store.upsert(person, portal, bloodPressure("bp1", "2024-01-10", 128, 84));
        store.upsert(person, portal, bloodPressure("bp2", "2024-02-10", 119, 77));
        // no LOINC code, no number: not charted
        store.upsert(person, portal, "{\"resourceType\":\"Observation\",\"id\":\"x1\",\"category\":[{\"coding\":"
                + "[{\"code\":\"laboratory\"}]}],\"code\":{\"text\":\"Urine colour\"},\"effectiveDateTime\":"
                + "\"2024-01-10\",\"valueString\":\"Yellow\"}");
        acceptAll("erin", person);
        // pending (not yet reviewed): not charted either
        store.upsert(person, portal, lab("g5", GLUCOSE, "Glucose", "2024-05-01", "250", "mg/dL", null, null));

        JsonPath json = as("erin").get("/api/v1/people/" + person + "/measurements").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("85354-9", GLUCOSE, GLUCOSE), json.getList("items.code"), "one chart per code and unit");
        assertEquals(List.of("mmHg", "mg/dL", "mmol/L"), json.getList("items.unit"), "units as people read them");

        assertEquals(List.of("8480-6", "8462-4"), json.getList("items[0].series.code"), "a panel's components");
        assertEquals(List.of(128, 119), json.getList("items[0].series[0].points.value"));
        assertEquals(List.of(90, 60), json.getList("items[0].series.low"));

        assertEquals(List.of("2024-01-10", "2024-02-05", "2024-03-12"),
                json.getList("items[1].series[0].points.date"), "both sources, oldest first");
        assertEquals(List.of(98, 104.5f, 112), json.getList("items[1].series[0].points.value"));
        assertEquals(70, json.getInt("items[1].series[0].low"));
        assertEquals(99, json.getInt("items[1].series[0].high"), "the latest range given");
        assertEquals(List.of(100), json.getList("items[1].series[0].points.findAll { it.date == '2024-02-05' }.high"),
                "each value keeps the range printed beside it");

        assertEquals(List.of(5.9f), json.getList("items[2].series[0].points.value"));
        assertEquals((Object) null, json.get("items[2].series[0].high"), "no upper limit given");
        assertFalse(json.prettify().contains("Urine") || json.prettify().contains("250"));
    }

    @Test
    void anotherPersonsValuesAreNeverIncluded() {
        UUID mine = child("erin", "Measured Mine");
        UUID theirs = child("frank", "Measured Theirs");
        store.upsert(mine, RecordSource.connection(UUID.randomUUID()),
                lab("m1", GLUCOSE, "Glucose", "2024-06-01", "91", "mg/dL", "70", "99"));
        store.upsert(theirs, RecordSource.connection(UUID.randomUUID()),
                lab("t1", GLUCOSE, "Glucose", "2024-06-01", "333", "mg/dL", "70", "99"));
        acceptAll("erin", mine);
        acceptAll("frank", theirs);

        as("erin").get("/api/v1/people/" + mine + "/measurements").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].series.size()", equalTo(1))
                .body("items[0].series[0].points.value", equalTo(List.of(91)))
                .body(not(containsString("333")));
        // someone else's person is not found, exactly as a person that does not exist
        as("erin").get("/api/v1/people/" + theirs + "/measurements").then().statusCode(404);
        as("frank").get("/api/v1/people/" + mine + "/measurements").then().statusCode(404);
        as("erin").get("/api/v1/people/" + UUID.randomUUID() + "/measurements").then().statusCode(404);
    }

    @Test
    void theTimelineCarriesTheSameJsonWithoutScriptBreakingText() {
        UUID person = child("erin", "Measured Page");
        store.upsert(person, RecordSource.connection(UUID.randomUUID()),
                lab("p1", GLUCOSE, "Glucose </script><b>", "2024-06-01", "91", "mg/dL", "70", "99"));
        acceptAll("erin", person);
        String page = as("erin").cookie("ferry_acting", person.toString()).get("/records/timeline").then()
                .statusCode(200).extract().asString();
        String data = page.substring(page.indexOf("id=\"measurements-data\">"), page.indexOf("</script>",
                page.indexOf("id=\"measurements-data\">")));
        assertFalse(data.contains("<b>"), "no markup inside the JSON");
        assertEquals(true, data.contains("\\u003c/script>"), "escaped, not dropped");
        assertEquals(true, page.contains("data-testid=\"measurements\""));
        assertEquals(true, page.contains("Normal range: 70 to 99 mg/dL"));
    }
}
