package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No machine code and no raw timestamp reaches a participant's page (issue 24): a connection is put in every status
 * and every failure of the taxonomy in turn, and the pages that show it (the connection, the list, the home page) are
 * read as a person reads them, tags stripped: no {@code snake_case} word, no ISO timestamp. Codes may stay in
 * attributes (tests and scripts read them), never in the words.
 */
@QuarkusTest
public class HumanWordsTest {
    static final Pattern CODE = Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
    static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");

    @Inject
    EntityManager em;

    /** The words of a page: tags (and so attributes), scripts and styles removed. */
    static String words(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
    }

    /** What is wrong with the page's words, if anything. */
    public static List<String> problems(String what, String html) {
        String words = words(html);
        List<String> problems = new ArrayList<>();
        CODE.matcher(words).results().map(MatchResult::group).distinct()
                .forEach(code -> problems.add(what + " shows the code " + code));
        ISO.matcher(words).results().map(MatchResult::group).distinct()
                .forEach(at -> problems.add(what + " shows a raw timestamp " + at));
        return problems;
    }

    @Test
    void everyConnectionStatusAndFailureReadsAsWords() {
        String person = Sandbox.ward("hana", "Worded Wanda", "2011-01-01");
        String connection = SandboxConnections.failed("hana", person, "locked");
        List<String> problems = new ArrayList<>();
        try {
            for (ConnectionFailure failure : ConnectionFailure.values()) {
                set(connection, failure.status().code(), failure.code());
                problems.addAll(pages(person, connection, failure.code()));
            }
            for (ConnectionStatus status : ConnectionStatus.values()) {
                set(connection, status.code(), null);
                problems.addAll(pages(person, connection, status.code()));
            }
        } finally {
            set(connection, ConnectionStatus.DISCONNECTED.code(), null);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private List<String> pages(String person, String connection, String state) {
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/connections/" + connection, "/connections", "/home", "/records",
                "/studies/heart-rhythm-outcomes", "/account")) {
            String html = as("hana").cookie("ferry_acting", person).get(path).then().statusCode(200).extract()
                    .asString();
            problems.addAll(problems(path + " (" + state + ")", html));
        }
        return problems;
    }

    private void set(String connection, String status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update connection set status = ?1, failure_code = ?2 where id = ?3").setParameter(1, status)
                .setParameter(2, failure).setParameter(3, java.util.UUID.fromString(connection)).executeUpdate());
    }
}
