package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection pages: list, search, connect forms, live status, next steps, CSRF, portal requests. */
@QuarkusTest
class ConnectionPagesTest {
    @Test
    void searchFindsPortalsByAnyPastedAddressAndExplainsGarbage() {
        as("gail-participant-free").get("/connections/new").then().statusCode(404);
        as("frank").get("/connections/new").then().statusCode(200).body(containsString("Portal website address"));
        // acting for a new ward: a person with a working connection sees "Already connected" instead (issue 20)
        String ward = Sandbox.ward("frank", "Search Kid", "2011-01-01");
        as("frank").cookie("ferry_acting", ward).queryParam("by", "website")
                .queryParam("q", "  HTTPS://www.MyChart.Sandbox-General.example/MyChart/Login?x=1#top ")
                .get("/connections/new").then().statusCode(200)
                .body(containsString("Connect Sandbox General Hospital"));
        as("frank").queryParam("by", "doctor").queryParam("q", "rivera ana").get("/connections/new").then()
                .statusCode(200).body(containsString("Sandbox General Hospital"));
        as("frank").queryParam("by", "nonsense").queryParam("q", "x").get("/connections/new").then()
                .statusCode(400).body(containsString("class=\"field-error\""));
    }

    @Test
    void theConnectFormFitsThePortalsMethod() {
        String general = Sandbox.portalId("frank", Sandbox.GENERAL);
        String ward = Sandbox.ward("frank", "Form Kid", "2011-02-02");
        as("frank").cookie("ferry_acting", ward).get("/connections/new/" + general).then().statusCode(200)
                .body(containsString("name=\"password\""))
                .body(containsString("I don&#39;t know my credentials"));
        String smart = Sandbox.portalId("frank", Sandbox.HEALTH_SYSTEM);
        as("frank").cookie("ferry_acting", ward).get("/connections/new/" + smart).then().statusCode(200)
                .body(containsString("Continue to Sandbox Health System"))
                .body(not(containsString("name=\"password\"")));
        as("frank").get("/connections/new/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void connectingShowsTheLiveStatusThenTheNextStep() {
        String general = Sandbox.portalId("frank", Sandbox.GENERAL);
        String ward = Sandbox.ward("frank", "Live Status Kid", "2011-03-03");
        String location = PageSession.open("frank", "/connections/new/" + general)
                .form(Map.of("portalId", general, "username", "twofactor", "password", "demo"))
                .cookie("ferry_acting", ward).post("/connections").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Sandbox.settled("frank", id);
        as("frank").get("/connections/" + id).then().statusCode(200)
                .body(containsString("The portal sent a one-time code"))
                .body(containsString("name=\"code\""))
                .body(containsString("/static/connections.js"));
        PageSession.open("frank", "/connections/" + id).form(Map.of("code", "123456"))
                .post("/connections/" + id + "/second-factor").then().statusCode(303);
        Sandbox.settled("frank", id);
        as("frank").get("/connections/" + id).then().body(containsString("Connected"));
        as("frank").cookie("ferry_acting", ward).get("/connections").then()
                .body(containsString("Sandbox General Hospital"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "demo      | wrong | did not accept the username or password | Update sign-in details",
        "twofactor | demo  | sent a one-time code                    | Send code",
        "family    | demo  | more than one person                    | Connect this profile",
        "terms     | demo  | accept its updated terms                | check again",
        "expired   | demo  | change your password                    | Update sign-in details",
        "locked    | demo  | locked this account                     | check again",
        "empty     | demo  | Connected                               | Disconnect",
    })
    void everyOutcomeIsExplainedOnThePageWithItsNextStep(String username, String password, String says,
            String action) {
        String general = Sandbox.portalId("frank", Sandbox.GENERAL);
        String person = Sandbox.ward("frank", "Page " + username, "2010-10-10");
        String id = Sandbox.connect("frank", person, username, password);
        Sandbox.settled("frank", id);
        as("frank").get("/connections/" + id).then().statusCode(200).body(containsString(says))
                .body(containsString(action)).body(not(containsString("Exception")));
    }

    @Test
    void anEmptyFormIsShownAgainWithTheProblem() {
        String general = Sandbox.portalId("frank", Sandbox.GENERAL);
        String ward = Sandbox.ward("frank", "Empty Form Kid", "2011-04-04");
        PageSession.open("frank", "/connections/new/" + general)
                .form(Map.of("portalId", general, "username", "someone", "password", ""))
                .cookie("ferry_acting", ward).post("/connections").then().statusCode(400)
                .body(containsString("Enter the password you use at the portal."))
                .body(containsString("value=\"someone\""));
    }

    @Test
    void formsWithoutTheCsrfTokenChangeNothing() {
        String general = Sandbox.portalId("frank", Sandbox.GENERAL);
        PageSession.open("frank", "/connections/new/" + general)
                .formWithoutToken(Map.of("portalId", general, "username", "demo", "password", "demo"))
                .post("/connections").then().statusCode(400);
    }

    @Test
    void anUnlistedPortalIsRequestedAndWaits() {
        PageSession.open("frank", "/connections/new").form(Map.of("request", "portal.unlisted-clinic.example"))
                .post("/connections/portal-requests").then().statusCode(303);
        as("frank").get("/connections").then().body(containsString("Portal being added"));
    }

    @Test
    void someoneElsesConnectionPageIsNotFound() {
        String id = Sandbox.connect("frank", Sandbox.ward("frank", "Not Bobs Kid", "2011-05-05"), "empty", "demo");
        as("bob").get("/connections/" + id).then().statusCode(404);
        PageSession.open("bob", "/connections").form(Map.of()).post("/connections/" + id + "/disconnect").then()
                .statusCode(404);
    }
}
