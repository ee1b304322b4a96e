package health.ferry.connections;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a participant does on the sandbox portal's own pages (another site, as far as Ferry is concerned). */
final class SandboxPortal {
    private static final Pattern HIDDEN = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private SandboxPortal() {
    }

    /** Opens the portal's terms page and accepts the terms. */
    static void acceptTerms(String termsPageUrl) {
        Response page = given().get(termsPageUrl);
        Map<String, String> fields = hiddenFields(page.asString());
        given().cookies(page.cookies()).contentType("application/x-www-form-urlencoded").formParams(fields)
                .post("/sandbox/terms").then().statusCode(200);
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return fields;
    }
}
