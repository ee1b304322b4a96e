package health.ferry.sandbox;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser on the sandbox portal's pages, signed in to nothing: keeps the CSRF cookie and the last page's form. */
final class PortalBrowser {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String cookie;
    private final String token;
    private Response page;

    private PortalBrowser(Response page) {
        this.page = page;
        this.cookie = page.cookie("csrf-token");
        Matcher m = TOKEN.matcher(page.asString());
        if (cookie == null || !m.find()) {
            throw new AssertionError("No CSRF cookie or token on the page (status " + page.statusCode() + "):\n"
                    + page.asString());
        }
        this.token = m.group(1);
    }

    /** Opens a page that holds a form (a path, with its query). */
    static PortalBrowser open(String pathAndQuery) {
        return new PortalBrowser(given().urlEncodingEnabled(false).redirects().follow(false).get(pathAndQuery));
    }

    Response page() {
        return page;
    }

    /** The value of a hidden field on the current page. */
    String hidden(String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("No field " + name + " on the page:\n" + page.asString());
        }
        return m.group(1);
    }

    /** Posts a form as the page would, with the CSRF cookie and token; the answer becomes the current page. */
    ValidatableResponse post(String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf-token", token);
        page = given().redirects().follow(false).cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        return page.then();
    }

    /** The same post without the CSRF token (the cookie is still sent). */
    ValidatableResponse postWithoutToken(String path, Map<String, String> fields) {
        return given().redirects().follow(false).cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded").formParams(fields).post(path).then();
    }
}
