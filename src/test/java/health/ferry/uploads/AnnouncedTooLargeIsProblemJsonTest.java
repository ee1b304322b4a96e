package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.path;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 6: an upload announced above Quarkus' body ceiling ({@code quarkus.http.limits.max-body-size},
 * 1025M) used to get a bare 413 with no body. It is the study's 413 {@code too_large} problem+json, with a detail
 * naming both sizes and the limit as a number, before any of the body is read; the page's form gets the error page.
 */
@QuarkusTest
class AnnouncedTooLargeIsProblemJsonTest {
    /** 1.1 GiB, as the outside test announced. */
    private static final long ANNOUNCED = 1_181_116_006L;
    /** The test profile's limit: 8 MiB. */
    private static final long LIMIT = 8L * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anUploadAnnouncedAboveTheBodyCeilingIsTooLargeProblemJson() throws Exception {
        String person = ward("alice", "Announced Huge", HEART);
        Answer answer = post(path(HEART, person), "Authorization: Bearer " + Tokens.of("alice"));
        assertEquals(413, answer.status);
        assertEquals("application/problem+json", answer.headers.get("content-type"));
        assertEquals("close", answer.headers.get("connection"));
        JsonObject problem = new JsonObject(answer.body);
        assertEquals("too_large", problem.getString("code"));
        assertEquals(413, problem.getInteger("status"));
        assertEquals("https://ferry.health/problems/too_large", problem.getString("type"));
        assertEquals("The upload is too large", problem.getString("title"));
        assertEquals("This upload is 1.1 GB; this study accepts up to 8 MB in one upload.", problem.getString("detail"));
        assertEquals(LIMIT, problem.getLong("maxBytes"));
        assertEquals(ANNOUNCED, problem.getLong("size"));
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(0));
    }

    @Test
    void anAnonymousApiCallIsStillAskedToSignInFirst() throws Exception {
        String person = ward("alice", "Announced Anonymous", HEART);
        Answer answer = post(path(HEART, person), null);
        assertEquals(401, answer.status);
        assertEquals("application/problem+json", answer.headers.get("content-type"));
        assertTrue(answer.body.contains("\"code\":\"not_authenticated\""), answer.body);
    }

    @Test
    void theUploadFormGetsTheErrorPageWithTheMessage() throws Exception {
        Answer answer = post("/supporting-documents/" + HEART + "/uploads", "Authorization: Bearer "
                + Tokens.of("alice"));
        assertEquals(413, answer.status);
        assertEquals("text/html;charset=UTF-8", answer.headers.get("content-type"));
        assertTrue(answer.body.contains("This upload is 1.1 GB; this study accepts up to 8 MB in one upload."), answer.body);
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /** Headers and the first bytes of a 1.1 GB multipart body: a server that waited for the rest would never answer. */
    private Answer post(String path, String credentials) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + (credentials == null ? "" : credentials + "\r\n") + "Accept: application/json\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + ANNOUNCED + "\r\n\r\n"
                    + "--b\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT),
                        line.substring(line.indexOf(':') + 1).strip());
            }
            StringBuilder body = new StringBuilder();
            if (headers.containsKey("content-length")) {
                char[] chars = new char[Integer.parseInt(headers.get("content-length"))];
                int read = 0;
                while (read < chars.length) {
                    int n = in.read(chars, read, chars.length - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                body.append(chars, 0, read);
            }
            return new Answer(status, headers, body.toString());
        }
    }
}
