package health.ferry.accounts;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account pages: people list, the child/ward forms, removal, and switching who one acts for. */
@QuarkusTest
class AccountPagesTest {
    static final Map<String, String> WARD = Map.of("displayName", "Nora Page", "birthDate", "2013-09-10",
            "relationship", "ward", "authorityAttested", "on");

    @Test
    void theAccountPageListsThePeopleAndOffersToAddOne() {
        as("erin").get("/account").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<h1>Your account</h1>"))
                .body(containsString("Yourself"))
                .body(containsString("href=\"/account/people/new\""));
        as("erin").get("/account/people/new").then().statusCode(200)
                .body(containsString("<label for=\"displayName\">"))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    void addingAWardThroughTheFormShowsItOnTheAccountPage() {
        PageSession page = PageSession.open("erin", "/account/people/new");
        page.form(WARD).post("/account/people").then().statusCode(303).header("Location", containsString("/account"));
        as("erin").get("/account").then().body(containsString("Nora Page")).body(containsString("2013-09-10"));
        as("erin").get("/api/v1/me").then().body("people.displayName", hasItem("Nora Page"));
    }

    @Test
    void anInvalidFormIsShownAgainWithWhatWasEnteredAndEachProblem() {
        PageSession page = PageSession.open("erin", "/account/people/new");
        page.form(Map.of("displayName", "Half Filled", "birthDate", "tomorrow", "relationship", "ward"))
                .post("/account/people").then().statusCode(400)
                .body(containsString("value=\"Half Filled\""))
                .body(containsString("Enter the date as YYYY-MM-DD."))
                .body(containsString("Confirm that you are this person"))
                .body(containsString("aria-invalid=\"true\""));
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRejectedAndChangeNothing() {
        PageSession page = PageSession.open("erin", "/account/people/new");
        page.formWithoutToken(Map.of("displayName", "No Token Person", "birthDate", "2012-01-01", "relationship",
                "child", "authorityAttested", "on")).post("/account/people").then().statusCode(400);
        as("erin").get("/api/v1/me").then().body("people.displayName", not(hasItem("No Token Person")));
        // Another user's token does not work either.
        PageSession other = PageSession.open("frank", "/account/people/new");
        as("erin").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", other.token()).formParams(Map.of("displayName", "Wrong Token Person",
                        "birthDate", "2012-01-01", "relationship", "child", "authorityAttested", "on"))
                .post("/account/people").then().statusCode(400);
        as("erin").get("/api/v1/me").then().body("people.displayName", not(hasItem("Wrong Token Person")));
    }

    @Test
    void editingAndRemovingAWardThroughThePages() {
        String id = PeopleApiTest.addWard("erin", Map.of("displayName", "Ida Edit", "birthDate", "2011-02-03",
                "relationship", "child", "authorityAttested", true));
        as("erin").get("/account/people/" + id + "/edit").then().statusCode(200)
                .body(containsString("value=\"Ida Edit\"")).body(containsString("value=\"2011-02-03\""));
        PageSession.open("erin", "/account/people/" + id + "/edit").form(Map.of("displayName", "Ida Edited",
                "birthDate", "2011-02-03", "relationship", "child", "authorityAttested", "on"))
                .post("/account/people/" + id).then().statusCode(303);
        as("erin").get("/api/v1/people/" + id).then().body("displayName", equalTo("Ida Edited"));
        as("erin").get("/account/people/" + id + "/remove").then().statusCode(200)
                .body(containsString("Remove Ida Edited from your account?"));
        PageSession.open("erin", "/account/people/" + id + "/remove").form(Map.of())
                .post("/account/people/" + id + "/remove").then().statusCode(303);
        as("erin").get("/api/v1/people/" + id).then().statusCode(404);
    }

    @Test
    void switchingToAWardShowsTheWardOnEveryPage() {
        String id = PeopleApiTest.addWard("erin", Map.of("displayName", "Theo Switch", "birthDate", "2016-06-06",
                "relationship", "child", "authorityAttested", true));
        PageSession page = PageSession.open("erin", "/home");
        String cookie = page.form(Map.of("personId", id, "return", "/studies")).post("/acting-as").then()
                .statusCode(303).header("Location", containsString("/studies")).extract().cookie("ferry_acting");
        as("erin").cookie("ferry_acting", cookie).get("/home").then().statusCode(200)
                .body(containsString("You are acting for Theo Switch"))
                .body(containsString("value=\"" + id + "\" selected"));
    }

    @Test
    void switchingToSomeoneYouDoNotOwnIsNotFoundAndAForgedCookieFallsBackToSelf() {
        String ward = PeopleApiTest.addWard("alice", PeopleApiTest.SAM);
        // a coordinator's home is their desk (/home sends them there)
        PageSession.open("casey", "/coordinator").form(Map.of("personId", ward)).post("/acting-as").then()
                .statusCode(404);
        PageSession.open("erin", "/home").form(Map.of("personId", ward)).post("/acting-as").then().statusCode(404);
        as("erin").cookie("ferry_acting", ward).get("/home").then().statusCode(200)
                .body(containsString("You are acting for yourself"))
                .body(not(containsString("Sam Carter")));
    }

    @Test
    void returnAddressesStayOnFerry() {
        org.junit.jupiter.api.Assertions.assertEquals("/home", AccountPages.safeReturn("https://evil.example/"));
        org.junit.jupiter.api.Assertions.assertEquals("/home", AccountPages.safeReturn("//evil.example/x"));
        org.junit.jupiter.api.Assertions.assertEquals("/home", AccountPages.safeReturn("/\\evil.example"));
        org.junit.jupiter.api.Assertions.assertEquals("/records", AccountPages.safeReturn("/records"));
    }
}
