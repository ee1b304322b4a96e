package health.ferry.records;

import static health.ferry.Tokens.as;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Observations as portals send them (FHIR R4 JSON), and accepting a person's pending records, for measurement tests. */
public final class MeasurementFixtures {
    private MeasurementFixtures() {
    }

    /** A lab result with a LOINC code and a valueQuantity; {@code low}/{@code high} may be null (no range). */
    public static String lab(String id, String loinc, String name, String date, String value, String unit,
            String low, String high) {
        String range = low == null && high == null ? "" : ",\"referenceRange\":[{" + (low == null ? ""
                : "\"low\":{\"value\":" + low + ",\"unit\":\"" + unit + "\"}") + (low != null && high != null ? ","
                        : "") + (high == null ? "" : "\"high\":{\"value\":" + high + ",\"unit\":\"" + unit + "\"}")
                + "}]";
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"category\":[{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"laboratory\"}]}],"
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\",\"display\":\""
                + name + "\"}],\"text\":\"" + name + "\"},\"effectiveDateTime\":\"" + date + "T08:30:00Z\","
                + "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"" + unit + "\"}" + range + "}";
    }

    /** A blood-pressure panel (LOINC 85354-9) with systolic and diastolic components in mm[Hg], ranged. */
    public static String bloodPressure(String id, String date, int systolic, int diastolic) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"category\":[{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],"
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\",\"display\":"
                + "\"Blood pressure panel\"}],\"text\":\"Blood pressure\"},\"effectiveDateTime\":\"" + date + "\","
                + "\"component\":[" + component("8480-6", "Systolic blood pressure", systolic, 90, 120) + ","
                + component("8462-4", "Diastolic blood pressure", diastolic, 60, 80) + "]}";
    }

    private static String component(String loinc, String name, int value, int low, int high) {
        return "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\",\"display\":\"" + name
                + "\"}]},\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"mm[Hg]\",\"system\":"
                + "\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"},\"referenceRange\":[{\"low\":{\"value\":" + low
                + "},\"high\":{\"value\":" + high + "}}]}";
    }

    /** Accepts every pending record of the person, through the API as {@code user} would. */
    public static void acceptAll(String user, UUID person) {
        List<String> ids = as(user).queryParam("state", "pending").get("/api/v1/people/" + person + "/records")
                .then().statusCode(200).extract().path("items.id");
        as(user).contentType(ContentType.JSON).body(Map.of("accept", ids, "delete", List.of()))
                .post("/api/v1/people/" + person + "/records/decisions").then().statusCode(200);
    }

    /** A child of {@code user}'s account, made through the API. */
    public static UUID child(String user, String name) {
        return UUID.fromString(as(user).contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate",
                "2010-02-03", "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then()
                .statusCode(201).extract().path("id"));
    }
}
