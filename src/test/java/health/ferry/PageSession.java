package health.ferry;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for page tests: keeps the CSRF cookie and reads the form token from a page. */
public final class PageSession {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String user;
    private final String cookie;
    private final String token;

    private PageSession(String user, String cookie, String token) {
        this.user = user;
        this.cookie = cookie;
        this.token = token;
    }

    /** Opens, as that user, a page that holds a form and keeps its CSRF cookie and token. */
    public static PageSession open(String user, String path) {
        Response page = Tokens.as(user).redirects().follow(false).get(path);
        Matcher m = TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("No CSRF token on " + path + " (status " + page.statusCode() + ")");
        }
        return new PageSession(user, page.cookie("csrf-token"), m.group(1));
    }

    public String token() {
        return token;
    }

    /** A form post carrying the CSRF cookie and token, as a browser would send it. */
    public RequestSpecification form(Map<String, ?> fields) {
        return formWithoutToken(fields).formParam("csrf-token", token);
    }

    /** The CSRF cookie's value, for clients built by hand (a chunked upload). */
    public String cookie() {
        return cookie;
    }

    /** A multipart post carrying the CSRF cookie and the token as a form field, as an upload form sends it. */
    public RequestSpecification multipart() {
        return Tokens.as(user).redirects().follow(false).cookie("csrf-token", cookie).multiPart("csrf-token", token);
    }

    /** The same form post without the CSRF token (the cookie is still sent). */
    public RequestSpecification formWithoutToken(Map<String, ?> fields) {
        return Tokens.as(user).redirects().follow(false).cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded").formParams(fields);
    }
}
