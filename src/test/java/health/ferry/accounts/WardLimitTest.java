package health.ferry.accounts;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import health.ferry.ProductionLimitsProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 2: wards are capped per account (20 at a time) and rate-limited (10 added an hour), with the
 * production defaults (the suite's own profile raises them for its many test wards). A clear 429 / 400 problem and a
 * page that says why; removing someone frees a place; adding and removing does not get round the hourly limit.
 */
@QuarkusTest
@TestProfile(ProductionLimitsProfile.class)
class WardLimitTest {
    private static ValidatableResponse add(String user, String name) {
        return as(user).contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate", "2015-05-05",
                "relationship", "ward", "authorityAttested", true)).post("/api/v1/people").then();
    }

    @Test
    void tenWardsAnHourAndTwentyAtATime() {
        String user = "hana";
        for (int i = 1; i <= 10; i++) {
            add(user, "Ward " + i).statusCode(201);
        }
        String retryAfter = add(user, "Ward 11").statusCode(429).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("rate_limited")).body("detail", containsString("at most 10 people an hour"))
                .extract().path("retryAfter");
        Instant again = Instant.parse(retryAfter);
        assertTrue(again.isAfter(Instant.now().plus(Duration.ofMinutes(55))), retryAfter);
        // The page says it in words, with the time.
        PageSession form = PageSession.open(user, "/account/people/new");
        form.form(Map.of("displayName", "Ward by page", "birthDate", "2015-05-05", "relationship", "ward",
                "authorityAttested", "on")).post("/account/people").then().statusCode(429)
                .body(containsString("You can add at most 10 people an hour. Try again after "));
        // Removing one does not give the hour's places back.
        String first = as(user).get("/api/v1/me").then().extract().path("people.find { it.displayName == 'Ward 1' }.id");
        as(user).delete("/api/v1/people/" + first).then().statusCode(204);
        add(user, "Ward 11").statusCode(429);

        // An hour later (Ferry's clock), ten more: 19 wards (one was removed); later one more reaches the cap of 20.
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)), Clock.class);
        for (int i = 11; i <= 20; i++) {
            add(user, "Ward " + i).statusCode(201);
        }
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(130)), Clock.class);
        add(user, "Ward 21").statusCode(201);
        add(user, "Ward 22").statusCode(400).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("people_limit_reached")).body("detail", containsString("at most 20"));
        // Someone removed frees a place.
        String fifth = as(user).get("/api/v1/me").then().extract().path("people.find { it.displayName == 'Ward 5' }.id");
        as(user).delete("/api/v1/people/" + fifth).then().statusCode(204);
        add(user, "Ward 22").statusCode(201);
        assertEquals(21, as(user).get("/api/v1/me").then().extract().<List<?>>path("people").size(), "self + 20");
        // Another account is not affected.
        add("ivan", "Someone Else").statusCode(201);
    }
}
