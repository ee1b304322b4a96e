package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.path;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import health.ferry.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 413 {@code too_large}: from the declared length before any of the body is read, and by counting a body that
 * declares none. The test profile caps uploads at 8 MiB so a few megabytes prove it.
 */
@QuarkusTest
class UploadSizeLimitTest {
    private static final int OVER_LIMIT = 9 * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDeclaredLengthOverTheStudysLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        String person = ward("alice", "Size Declared", HEART);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            // Only the headers and the first bytes: a server that waited for the body would never answer.
            out.write(("POST " + path(HEART, person) + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.of("alice") + "\r\nAccept: application/json\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + OVER_LIMIT + "\r\n\r\n"
                    + "--b\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT),
                        line.substring(line.indexOf(':') + 1).strip());
            }
            assertEquals("application/problem+json", headers.get("content-type"));
            assertEquals("close", headers.get("connection"), headers.toString());
            char[] body = new char[Integer.parseInt(headers.get("content-length"))];
            assertEquals(body.length, in.read(body, 0, body.length));
            assertTrue(new String(body).contains("\"code\":\"too_large\""), new String(body));
            // the same words the upload page says before sending anything: the size, then the study's limit
            assertTrue(new String(body).contains("This upload is 9 MB; this study accepts up to 8 MB in one upload."),
                    new String(body));
            assertEquals(-1, in.read(), "the server closes the connection instead of reading the body");
        }
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(0));
    }

    @Test
    void aBodyWithoutALengthIsCountedAndRefusedWhenOver() throws Exception {
        String person = ward("alice", "Size Chunked", HEART);
        PageSession page = PageSession.open("alice", "/supporting-documents");
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + page.token() + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"prerequisiteConfirmed\"\r\n\r\ntrue\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] noise = new byte[OVER_LIMIT];
        new Random(7).nextBytes(noise);
        byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path(HEART, person).substring(1)))
                .header("Authorization", "Bearer " + Tokens.of("alice"))
                .header("Cookie", "csrf-token=" + page.cookie()).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new SequenceInputStream(new ByteArrayInputStream(head), new ByteArrayInputStream(noise)),
                        (InputStream) new ByteArrayInputStream(tail))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"too_large\""), response.body());
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(0));
    }
}
