package health.ferry.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import health.ferry.Tokens;
import health.ferry.outcome.FreeText;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.review.ReviewRequest;
import health.ferry.review.Reviews;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 10: one text rule for every free-text field. Direction overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and lone surrogates are refused with a 400 field error in ward names, coordinators' messages and
 * rejection reasons; ordinary text, accents and emoji (surrogate pairs) still pass.
 */
@QuarkusTest
class FreeTextRuleTest {
    private static final String HEART = "heart-rhythm-outcomes";
    /** Forms as browsers send them: UTF-8 (REST Assured's default for forms is ISO-8859-1, which has no U+202E). */
    private static final String UTF8_FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final List<String> SPOOFS = List.of("Sam \u202Egpj.exe", "Sam \u202A", "Sam \u202D",
            "Sam \u2066x\u2069", "Sam \u2067", "Sam \u2068");

    @Test
    void aWardNameWithDirectionControlsIsAFieldError() {
        for (String name : SPOOFS) {
            Tokens.as("alice").contentType(ContentType.JSON).body(ward(name)).post("/api/v1/people").then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("displayName")).body("errors[0].message",
                            equalTo(FreeText.MESSAGE));
        }
        Tokens.as("alice").get("/api/v1/people").then().statusCode(200)
                .body("items.displayName", not(hasItem(containsString("Sam \u202E"))));
    }

    @Test
    void aWardNameWithALoneSurrogateIsAFieldError() {
        // JSON escapes are the one way a lone surrogate arrives intact (a form's UTF-8 cannot carry one).
        for (String escaped : List.of("\\ud800", "\\udfff", "a\\ud83d", "\\ude00b")) {
            String json = "{\"displayName\":\"Sam " + escaped + "\",\"birthDate\":\"2012-06-01\","
                    + "\"relationship\":\"ward\",\"authorityAttested\":true}";
            Tokens.as("alice").contentType(ContentType.JSON).body(json).post("/api/v1/people").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("displayName"));
        }
    }

    @Test
    void ordinaryNamesWithAccentsAndEmojiStillPass() {
        String name = "Zoë Ångström \uD83D\uDE42 \u05E9\u05DC\u05D5\u05DD";
        String id = Tokens.as("alice").contentType(ContentType.JSON).body(ward(name)).post("/api/v1/people").then()
                .statusCode(201).body("displayName", equalTo(name)).extract().path("id");
        Tokens.as("alice").delete("/api/v1/people/" + id).then().statusCode(204);
    }

    @Test
    void theWardPageFormRefusesItToo() {
        PageSession page = PageSession.open("alice", "/account/people/new");
        page.form(Map.of("displayName", "Sam \u202Egpj.exe", "birthDate", "2012-06-01", "relationship", "ward",
                "authorityAttested", "true")).contentType(UTF8_FORM).post("/account/people").then().statusCode(400)
                .body(containsString(FreeText.MESSAGE));
    }

    @Test
    void aCoordinatorMessageWithDirectionControlsIsRefused() {
        PageSession page = PageSession.open("casey", "/coordinator/studies/" + HEART + "/dashboard");
        for (String text : SPOOFS) {
            // Refused before the participant is even looked up: a field error (400), not "no such participant".
            page.form(Map.of("participant", "P-NOTREAL1", "message", text)).contentType(UTF8_FORM)
                    .post("/coordinator/studies/" + HEART + "/messages").then().statusCode(400)
                    .body(containsString(FreeText.MESSAGE));
        }
    }

    @Test
    void aRejectionReasonWithDirectionControlsOrALoneSurrogateIsAFieldError() {
        for (String reason : List.of("blurry \u202E", "blurry \u2066scan\u2069", "blurry \uD800", "\uDC00 blurry")) {
            OutcomeException e = assertThrows(OutcomeException.class,
                    () -> Reviews.check(new ReviewRequest("rejected", reason, null, null, null)));
            assertEquals(Outcome.VALIDATION_FAILED, e.outcome());
            assertEquals("reason", e.errors().get(0).field());
            assertEquals(FreeText.MESSAGE, e.errors().get(0).message());
        }
        // A reason of several lines is ordinary text.
        assertEquals("too blurry\nplease rescan", Reviews.check(new ReviewRequest("rejected",
                "too blurry\nplease rescan", null, null, null)).reason());
    }

    @Test
    void entryNamesAndFreeTextShareTheSameHiddenCharacters() {
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E,
                0x200F, 0x061C, 0xFEFF, 0x00, 0x1F, 0x7F, 0x9F}) {
            assertTrue(FreeText.hidden(c), Integer.toHexString(c));
            assertTrue(!FreeText.isPlainLine("a" + Character.toString(c)), Integer.toHexString(c));
        }
        assertTrue(FreeText.isPlainText("line one\r\nline two\ttab"));
        assertTrue(!FreeText.isPlainLine("line one\nline two"));
    }

    private static Map<String, Object> ward(String name) {
        return Map.of("displayName", name, "birthDate", "2012-06-01", "relationship", "ward", "authorityAttested",
                true);
    }
}
