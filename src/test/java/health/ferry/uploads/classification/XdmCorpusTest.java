package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.Corpus;
import health.ferry.uploads.EnginePipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus's real XDM packages (02-xdm): metadata, index files and the C-CDA inside, hashes and sizes checked. */
class XdmCorpusTest {
    private final EnginePipeline pipeline = EnginePipeline.shared();

    @TempDir
    Path dir;

    static Stream<String> packages() {
        return Corpus.manifest().stream().map(Corpus.Item::file).filter(f -> f.startsWith("02-xdm/"));
    }

    @ParameterizedTest
    @MethodSource("packages")
    void classifiedAndCheckedAgainstItsMetadata(String relative) throws IOException {
        List<DocumentFacts> facts = pipeline.unpack(Corpus.file(relative), dir);
        PackageClassification result = PackageClassifier.classify(facts);
        Map<String, Long> kinds = result.documents().stream()
                .collect(Collectors.groupingBy(c -> c.kind().code(), Collectors.counting()));
        assertEquals(1L, kinds.get("xdm-metadata"), kinds::toString);
        assertEquals(2L, kinds.get("package-index"), kinds::toString);
        assertEquals(1L, kinds.entrySet().stream().filter(e -> e.getKey().startsWith("ccda-"))
                .mapToLong(Map.Entry::getValue).sum(), kinds::toString);
        XdmReport xdm = result.xdm();
        assertTrue(xdm.present());
        assertEquals(List.of(), xdm.problems(), "the NIST and Direct samples declare true sizes and hashes");
        assertEquals(1, xdm.documents().size());
        assertEquals("34133-9", xdm.documents().get(0).typeCode());
        assertEquals(Boolean.TRUE, xdm.documents().get(0).hashMatches());
        assertEquals(Boolean.TRUE, xdm.documents().get(0).sizeMatches() == null ? Boolean.TRUE
                : xdm.documents().get(0).sizeMatches(), "samplexdm declares no size; the others declare the true one");
    }
}
