package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.archive.ArchiveCorpusTest;
import health.ferry.uploads.archive.HostileArchives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile archives through the real upload endpoint and the durable job: a representative subset of the generated
 * attacks (plan Z1–Z20) and every file of the corpus's 06-adversarial-archives (skipped when the corpus is absent).
 * Each ends as a 415 {@code not_an_archive} at once or as an upload that finishes {@code rejected} with the engine's
 * code — or, for the documented safe acceptances, ready for review — never {@code failed}; nothing lands outside the
 * upload storage, and nothing is left in its temporary folder.
 */
@QuarkusTest
class HostileUploadTest {
    private static final Path STORAGE = Path.of("target/test-uploads");
    private static Set<String> projectBefore;

    @BeforeAll
    static void remember() throws IOException {
        projectBefore = listing(Path.of("."));
    }

    @AfterAll
    static void nothingOutsideStorage() throws IOException {
        assertEquals(projectBefore, listing(Path.of(".")), "no file appeared beside the project's own");
        try (Stream<Path> all = Files.walk(STORAGE)) {
            List<String> odd = all.filter(Files::isRegularFile).map(p -> STORAGE.relativize(p).toString())
                    .filter(p -> p.contains("passwd") || p.contains("..") || p.endsWith(".html") || p.contains("etc/"))
                    .toList();
            assertEquals(List.of(), odd, "no entry name became a storage path");
        }
    }

    static Stream<HostileArchives.Case> generated() {
        return HostileArchives.forEndpoint().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void generatedAttackThroughTheEndpoint(HostileArchives.Case attack) {
        assertOutcome(attack.toString(), attack.expected(), attack.bytes().get());
    }

    static Stream<String> corpus() {
        return ArchiveCorpusTest.expectedOutcomes().keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusArchiveThroughTheEndpoint(String relative) throws IOException {
        Path file = Corpus.file("06-adversarial-archives/" + relative);
        assertOutcome(relative, ArchiveCorpusTest.expectedOutcomes().get(relative), Files.readAllBytes(file));
    }

    private static void assertOutcome(String what, String expected, byte[] bytes) {
        String person = ward("alice", "Hostile Upload", HEART);
        Response response = upload("alice", HEART, person, Map.of("records.zip", bytes));
        if (response.statusCode() == 415) {
            assertEquals(expected, response.jsonPath().getString("code"), what);
            return;
        }
        assertEquals(202, response.statusCode(), () -> what + ": " + response.asString());
        JsonPath done = finished("alice", response.jsonPath().getString("id"));
        assertNotEquals("failed", done.getString("status"), () -> what + ": " + done.prettify());
        if (HostileArchives.ACCEPTED.equals(expected)) {
            assertEquals("ready_for_review", done.getString("status"), () -> what + ": " + done.prettify());
            assertTrue(!done.getList("documents").isEmpty(), what);
        } else {
            assertEquals("rejected", done.getString("status"), () -> what + ": " + done.prettify());
            assertEquals(expected, done.getString("rejection.code"), what);
            assertTrue(done.getString("rejection.message").length() > 20, what);
            assertEquals(List.of(), done.getList("documents"), what);
        }
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            // Quarkus creates an empty ./file-uploads at start; only files count.
            return files.filter(p -> !isEmptyDirectory(p)).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static boolean isEmptyDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> inside = Files.list(path)) {
            return inside.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
