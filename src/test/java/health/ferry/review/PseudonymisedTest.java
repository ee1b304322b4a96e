package health.ferry.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a study receives of a record: no uploaded document's name, even inside Ferry's own extensions. */
class PseudonymisedTest {
    private static final StudyIds.Keyed IDS = StudyIds.keyed("a study's export key, 32 bytes long"
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void aLabValueKeepsItsPageAndLosesTheDocumentsName() {
        String observation = """
                {"resourceType":"Observation","id":"lab-1","meta":{"source":"urn:uuid:3f1c"},
                 "extension":[{"url":"%s","extension":[
                   {"url":"document","valueString":"Jane_Doe_labs_2024.pdf"},{"url":"page","valueInteger":2}]}],
                 "status":"final","code":{"text":"Hemoglobin"},"subject":{"reference":"Patient/p1"}}
                """.formatted(Pseudonymised.SOURCE_PAGE);
        String line = Pseudonymised.line(observation, "P-123", IDS);
        assertFalse(line.contains("Jane_Doe"), line);
        assertFalse(line.contains("urn:uuid:3f1c"), line);
        assertTrue(line.contains("\"url\":\"page\",\"valueInteger\":2"), line);
        assertTrue(line.contains("\"reference\":\"Patient/P-123\""), line);
        assertEquals(health.ferry.uploads.labs.LabObservation.SOURCE_PAGE, Pseudonymised.SOURCE_PAGE);
    }
}
