package health.ferry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.Tokens;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 22, item 11: the CSRF cookie is sent {@code SameSite=Strict} (and HttpOnly), which quarkus-rest-csrf omits. */
@QuarkusTest
class CsrfCookieSameSiteTest {
    @Test
    void theCsrfCookieIsSameSiteStrict() {
        Response page = Tokens.as("alice").redirects().follow(false).get("/account");
        page.then().statusCode(200);
        List<String> csrf = page.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .toList();
        assertEquals(1, csrf.size(), page.headers().getValues("Set-Cookie").toString());
        String cookie = csrf.get(0).toLowerCase(Locale.ROOT);
        assertTrue(cookie.contains("samesite=strict"), csrf.get(0));
        assertTrue(cookie.contains("httponly"), csrf.get(0));
    }
}
