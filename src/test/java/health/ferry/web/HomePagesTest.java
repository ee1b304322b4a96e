package health.ferry.web;

import static health.ferry.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The landing page, home, the section pages, sign-in redirects and sign-out. */
@QuarkusTest
class HomePagesTest {
    @Test
    void theLandingPageIsPublicAndOffersSignIn() {
        given().get("/").then().statusCode(200).body(containsString("<h1>Ferry</h1>"))
                .body(containsString("href=\"/home\""));
    }

    @Test
    void signedInVisitorsOfTheLandingPageGoHome() {
        as("alice").redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", containsString("/home"));
    }

    @Test
    void pagesSendAnonymousVisitorsToSignInWithPkce() {
        given().redirects().follow(false).get("/home").then().statusCode(302)
                .header("Location", containsString("/authorize"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("state="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home", "/studies", "/connections", "/records", "/supporting-documents", "/account"})
    void everyParticipantPageHasOneHeadingTheNavigationAndTheActingForSwitch(String path) {
        String html = as("alice").get(path).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<main id=\"main\""))
                .body(containsString("aria-label=\"Main navigation\""))
                .body(containsString("<label for=\"acting-person\">Acting for</label>"))
                .body(containsString("href=\"" + path + "\" aria-current=\"page\""))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, html.split("<h1").length - 1, path + " has one h1");
    }

    @Test
    void coordinatorsSeeTheirNavigationWithoutParticipantSections() {
        as("casey").get("/home").then().statusCode(200).body(containsString("href=\"/coordinator\""))
                .body(not(containsString("href=\"/connections\"")));
    }

    @Test
    void signOutIsAPostWithCsrfThatEndsTheSessionAtTheIdp() {
        given().redirects().follow(false).get("/logout").then().statusCode(org.hamcrest.Matchers.anyOf(
                equalTo(302), equalTo(405)));
        health.ferry.PageSession page = health.ferry.PageSession.open("alice", "/home");
        page.formWithoutToken(java.util.Map.of()).post("/logout").then().statusCode(400);
        page.form(java.util.Map.of()).post("/logout").then().statusCode(303)
                .header("Location", containsString("/logout?post_logout_redirect_uri="))
                .header("Location", containsString("signed-out"));
    }

    @Test
    void theSignedOutPageIsPublic() {
        given().get("/signed-out").then().statusCode(200).body(containsString("You have been signed out."));
    }
}
