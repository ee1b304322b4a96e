package health.ferry.review;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.LogCapture;
import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 6: the coordinator's decision form with an upload id that is not one ({@code a b<x>}) answered 500
 * after saving the decision. It is a 400 and nothing is decided; a well-formed form still decides and returns to the
 * document's own package.
 */
@QuarkusTest
class DecisionFormWithBadUploadIdTest {
    @Test
    void aBadUploadIdIs400AndDecidesNothing() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Bad Form Bea");
        String document = p.doc("photo.png");
        PageSession page = PageSession.open("casey", "/coordinator/uploads/" + p.upload());
        try (LogCapture log = LogCapture.start()) {
            for (String bad : List.of("a b<x>", "", "../../admin", "00000000-0000-0000-0000-00000000000g")) {
                page.form(Map.of("uploadId", bad, "decision", "accepted", "version", "0", "kind", "image"))
                        .post("/coordinator/documents/" + document + "/decision").then().statusCode(400)
                        .body(containsString("The request has invalid fields."));
            }
            assertEquals(List.of(), log.atLeast(Level.SEVERE, "health.ferry"), "no ERROR logged");
        }
        as("casey").get("/api/v1/coordinator/documents/" + document).then().statusCode(200)
                .body("review", nullValue());

        page.form(Map.of("uploadId", p.upload(), "decision", "accepted", "version", "0", "kind", "image"))
                .post("/coordinator/documents/" + document + "/decision").then().statusCode(303)
                .header("Location", containsString("/coordinator/uploads/" + p.upload() + "#document-" + document));
        as("casey").get("/api/v1/coordinator/documents/" + document).then().statusCode(200)
                .body("review.decision", org.hamcrest.Matchers.equalTo("accepted"));
    }
}
