package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.HumanWordsTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An upload in every status reads as words on the participant's Supporting Documents pages (issue 24): no {@code
 * snake_case} code and no ISO timestamp among the words (HumanWordsTest's rule).
 */
@QuarkusTest
class UploadWordsTest {
    @Inject
    EntityManager em;

    @Test
    void everyUploadStatusReadsAsWords() {
        String person = UploadCalls.ward("alice", "Worded Upton", HEART);
        String id = UploadCalls.upload("alice", HEART, person, Map.of("note.txt", UploadFixtures.note("words")))
                .then().statusCode(202).extract().path("id");
        String finished = UploadCalls.finished("alice", id).getString("status");
        List<String> problems = new ArrayList<>();
        try {
            for (UploadStatus status : UploadStatus.values()) {
                set(id, status.code());
                for (String path : List.of("/supporting-documents", "/supporting-documents/uploads/" + id)) {
                    String html = as("alice").cookie("ferry_acting", person).get(path).then().statusCode(200)
                            .extract().asString();
                    problems.addAll(HumanWordsTest.problems(path + " (" + status.code() + ")", html));
                }
            }
        } finally {
            set(id, finished);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void set(String upload, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update upload set status = ?1 where id = ?2")
                .setParameter(1, status).setParameter(2, UUID.fromString(upload)).executeUpdate());
    }
}
