package health.ferry.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.records.RecordCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every shipped study file loads; a broken one is refused with a message naming the file and the field. */
class StudyCatalogTest {
    static final String VALID = """
            id: test-study
            title: Test Study
            summary: A study for tests.
            coordinators: [casey]
            portalConnections: true
            supportingDocuments:
              enabled: true
              prerequisiteQuestion: I tried to connect my patient portal and could not.
              maxUploadSize: 200MB
              acceptedCategories: [documents, lab_results]
            requestedCategories: [conditions, medications]
            consent:
              version: "1"
              text: You agree.
            """;

    @TempDir
    Path dir;

    @Test
    void everyShippedStudyFileLoads() throws IOException {
        Map<String, Study> studies = StudyCatalog.loadFolder(Path.of("studies"));
        long files;
        try (var list = Files.list(Path.of("studies"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).count();
        }
        assertEquals(files, studies.size());
        assertTrue(studies.size() >= 2);
        assertTrue(studies.values().stream().anyMatch(s -> s.supportingDocuments().enabled()),
                "one example allows Supporting Documents");
        assertTrue(studies.values().stream().anyMatch(s -> !s.supportingDocuments().enabled()),
                "one example does not");
        for (Study s : studies.values()) {
            assertFalse(s.coordinators().isEmpty(), s.id());
            assertFalse(s.consent().text().isBlank(), s.id());
            if (s.supportingDocuments().enabled()) {
                assertFalse(s.supportingDocuments().prerequisiteQuestion().isBlank(), s.id());
            }
        }
    }

    @Test
    void aValidFileIsReadCompletely() throws IOException {
        Study s = StudyCatalog.loadFile(write("ok.yaml", VALID));
        assertEquals("test-study", s.id());
        assertEquals(200L * 1024 * 1024, s.supportingDocuments().maxUploadBytes());
        assertEquals(java.util.List.of(RecordCategory.DOCUMENTS, RecordCategory.LAB_RESULTS),
                s.supportingDocuments().acceptedCategories());
        assertEquals("1", s.consent().version());
        assertTrue(s.isCoordinatedBy("casey"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing title        | 'title: Test Study'                  | ''                                  | title",
        "bad id               | 'id: test-study'                     | 'id: Test Study!'                   | id",
        "unknown field        | 'portalConnections: true'            | 'portalConnexions: true'            | portalConnexions",
        "unknown category     | 'requestedCategories: [conditions, medications]' | 'requestedCategories: [conditions, x-rays]' | requestedCategories",
        "size without unit ok | 'maxUploadSize: 200MB'               | 'maxUploadSize: lots'               | supportingDocuments.maxUploadSize",
        "no prerequisite      | '  prerequisiteQuestion: I tried to connect my patient portal and could not.' | '' | supportingDocuments.prerequisiteQuestion",
        "boolean as text      | 'portalConnections: true'            | 'portalConnections: maybe'          | portalConnections",
        "no consent version   | '  version: \"1\"'                   | ''                                  | consent.version",
    })
    void aBrokenFileNamesTheFileAndTheField(String name, String from, String to, String field) throws IOException {
        Path file = write("broken.yaml", VALID.replace(from, to));
        InvalidStudyFile e = assertThrows(InvalidStudyFile.class, () -> StudyCatalog.loadFile(file));
        assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
    }

    @Test
    void invalidYamlIsRefusedWithTheFileName() throws IOException {
        Path file = write("garbled.yaml", "id: [unclosed\n  title: x");
        InvalidStudyFile e = assertThrows(InvalidStudyFile.class, () -> StudyCatalog.loadFile(file));
        assertTrue(e.getMessage().contains("garbled.yaml") && e.getMessage().contains("not valid YAML"),
                e.getMessage());
    }

    @Test
    void twoFilesWithTheSameIdAreRefused() throws IOException {
        write("a.yaml", VALID);
        write("b.yaml", VALID);
        InvalidStudyFile e = assertThrows(InvalidStudyFile.class, () -> StudyCatalog.loadFolder(dir));
        assertTrue(e.getMessage().contains("b.yaml") && e.getMessage().contains("'id'")
                && e.getMessage().contains("a.yaml"), e.getMessage());
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThrows(InvalidStudyFile.class, () -> StudyCatalog.loadFolder(dir.resolve("nope")));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
