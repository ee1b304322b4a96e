package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.classification.DocumentFacts;
import health.ferry.uploads.classification.DocumentKind;
import health.ferry.uploads.classification.PackageClassifier;
import health.ferry.uploads.detection.ExtractionOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents (plan rows T1–T9), generated here, through the real pipeline: type detection and text extraction
 * in the isolated worker JVM, then classification. No entity is resolved, nothing is fetched, no stylesheet runs, a
 * bomb stops at the limits, and after every attack the next ordinary document still parses. Parser crashes, hangs and
 * out-of-memory (T5) are DetectionIsolationTest; encrypted PDF/DOCX (T7) DetectionTest; no OCR or external tools (T8)
 * DetectionConfigTest.
 */
class DocumentAttackTest {
    private static final String SECRET = "TOP-SECRET-HOST-FILE-7731";
    private static HttpServer canary;
    private static final AtomicInteger CANARY_HITS = new AtomicInteger();
    private static String canaryUrl;

    @TempDir
    static Path dir;
    private static Path secretFile;

    @BeforeAll
    static void start() throws IOException {
        secretFile = Files.writeString(dir.resolve("host-secret.txt"), SECRET);
        canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            CANARY_HITS.incrementAndGet();
            byte[] body = "<x>CANARY-CONTENT</x>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        canary.start();
        canaryUrl = "http://127.0.0.1:" + canary.getAddress().getPort() + "/canary";
    }

    @AfterAll
    static void stop() {
        canary.stop(0);
    }

    @AfterEach
    void nothingFetchedAndTheWorkerStillParses() throws IOException {
        assertEquals(0, CANARY_HITS.get(), "no parser fetched an external entity");
        DocumentFacts next = facts("next.txt", Files.writeString(dir.resolve("next.txt"), "Pulse 64, BP 120/80."));
        assertEquals(ExtractionOutcome.OK, next.outcome());
        assertTrue(next.text().contains("Pulse 64"), next.text());
    }

    private static DocumentFacts facts(String name, Path file) throws IOException {
        return EnginePipeline.shared().facts(name, file);
    }

    private static String doctype(String root) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n"
                + "  <!ENTITY file SYSTEM \"" + secretFile.toUri() + "\">\n"
                + "  <!ENTITY net SYSTEM \"" + canaryUrl + "\">\n"
                + "  <!ENTITY % remote SYSTEM \"" + canaryUrl + "-dtd\">\n  %remote;\n]>\n";
    }

    private static String laughs(String root) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root
                + " [\n  <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            dtd.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        return dtd.append("]>\n").toString();
    }

    private static void assertNoLeak(DocumentFacts facts) {
        assertFalse(facts.text().contains(SECRET), facts.text());
        assertFalse(facts.text().contains("CANARY-CONTENT"), facts.text());
    }

    /** T1: an XFA form inside a PDF with external entities (the CVE-2025-54988/66516 pattern). */
    @Test
    void pdfXfaEntitiesAreNeverResolved() throws IOException {
        Path pdf = dir.resolve("xfa.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            COSStream xfa = document.getDocument().createCOSStream();
            try (OutputStream out = xfa.createOutputStream()) {
                out.write((doctype("xdp:xdp") + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template>"
                        + "<field name=\"a\"><value><text>&file;&net;</text></value></field></template></xdp:xdp>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            form.setXFA(new PDXFAResource(xfa));
            document.save(pdf.toFile());
        }
        DocumentFacts facts = facts("xfa.pdf", pdf);
        assertEquals("application/pdf", facts.mediaType());
        assertNoLeak(facts);
    }

    /** T2: XXE and entity expansion in plain XML, C-CDA, SVG and a DOCX part: ignored or refused, quickly. */
    @Test
    void xmlFamilyEntitiesAreNeverResolvedNorExpanded() throws IOException {
        Map<String, String> documents = Map.of(
                "xxe.xml", doctype("r") + "<r>&file;&net;</r>",
                "xxe-cda.xml", doctype("ClinicalDocument") + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                        + "<title>&file;&net;</title></ClinicalDocument>",
                "xxe.svg", doctype("svg") + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&file;&net;</text></svg>",
                "laughs.xml", laughs("r") + "<r>&lol9;</r>",
                "laughs.svg", laughs("svg") + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol9;</text></svg>",
                "laughs-cda.xml", laughs("ClinicalDocument") + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>"
                        + "&lol9;</title></ClinicalDocument>");
        for (Map.Entry<String, String> document : documents.entrySet()) {
            Path file = Files.writeString(dir.resolve(document.getKey()), document.getValue());
            DocumentFacts facts = assertTimeout(Duration.ofSeconds(30), () -> facts(document.getKey(), file));
            assertNoLeak(facts);
            assertTrue(facts.text().length() < 100_000, document.getKey() + " expanded its entities");
            Classification kind = assertTimeout(Duration.ofSeconds(10), () -> PackageClassifier.classify(facts));
            assertTrue(kind.evidence().length() < 10_000 && !kind.evidence().contains(SECRET), kind.evidence());
        }
        Path docx = docx("xxe.docx", doctype("w:document") + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&file;&net;</w:t></w:r></w:p></w:body>"
                + "</w:document>");
        assertNoLeak(facts("xxe.docx", docx));
        Path laughing = docx("laughs.docx", laughs("w:document") + "<w:document xmlns:w=\"http://schemas."
                + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
                + "</w:body></w:document>");
        DocumentFacts facts = assertTimeout(Duration.ofSeconds(30), () -> facts("laughs.docx", laughing));
        assertTrue(facts.text().length() < 100_000, "entity expansion in a DOCX part");
    }

    /** T3: a package stylesheet with document() and Java extension functions is classified, never executed. */
    @Test
    void stylesheetWithExtensionFunctionsIsNeverExecuted() throws IOException {
        Path marker = dir.resolve("xslt-ran");
        Path xsl = Files.writeString(dir.resolve("CDA.xsl"), "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\""
                + " xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" xmlns:rt=\"http://xml.apache.org/xalan/java/"
                + "java.lang.Runtime\" xmlns:fos=\"http://xml.apache.org/xalan/java/java.io.FileOutputStream\">"
                + "<xsl:template match=\"/\"><xsl:variable name=\"f\" select=\"fos:new('" + marker + "')\"/>"
                + "<xsl:value-of select=\"rt:exec(rt:getRuntime(), 'touch " + marker + "')\"/>"
                + "<xsl:value-of select=\"document('" + canaryUrl + "')\"/>"
                + "<xsl:value-of select=\"document('" + secretFile.toUri() + "')\"/></xsl:template></xsl:stylesheet>");
        DocumentFacts facts = facts("CDA.xsl", xsl);
        assertNoLeak(facts);
        Classification kind = PackageClassifier.classify(facts);
        assertEquals(DocumentKind.STYLESHEET, kind.kind(), kind.evidence());
        assertFalse(Files.exists(marker), "the stylesheet ran");
    }

    /** T4: an OOXML bomb (20 MB of text deflated to a few hundred KB) stops at the text limit, the worker lives. */
    @Test
    void officeBombStopsAtTheTextLimit() throws IOException {
        String paragraph = "<w:p><w:r><w:t>" + "blood pressure normal ".repeat(40) + "</w:t></w:r></w:p>";
        String body = paragraph.repeat(20 * 1024 * 1024 / paragraph.length());
        Path docx = docx("bomb.docx", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>");
        assertTrue(Files.size(docx) < 1024 * 1024, "the bomb is small on disk");
        DocumentFacts facts = assertTimeout(Duration.ofSeconds(90), () -> facts("bomb.docx", docx));
        assertTrue(facts.text().length() <= 10_000_000 + 1_000, "text is bounded: " + facts.text().length());
    }

    /** T6: detected type wins over the name; a program named like a PDF is nothing Ferry will show as one. */
    @Test
    void typeSpoofingIsDecidedByContent() throws IOException {
        DocumentFacts svg = facts("photo.jpg", Files.writeString(dir.resolve("photo.jpg"), "<?xml version=\"1.0\"?>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"));
        assertEquals("image/svg+xml", svg.mediaType());
        byte[] program = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF,
            (byte) 0xFF}, 512);
        program[60] = (byte) 0x80;
        DocumentFacts exe = facts("scan.pdf.exe", Files.write(dir.resolve("scan.pdf.exe"), program));
        assertNotEquals("application/pdf", exe.mediaType());
        assertEquals(DocumentKind.OTHER, PackageClassifier.classify(exe).kind(), exe.mediaType());
        DocumentFacts html = facts("results.pdf", Files.writeString(dir.resolve("results.pdf"),
                "<!DOCTYPE html><html><body><script>alert(1)</script>Results</body></html>"));
        assertEquals("text/html", html.mediaType());
        assertEquals(DocumentKind.HTML, PackageClassifier.classify(html).kind());
    }

    /** T9: a zero-byte PDF and a truncated DOCX are recorded as what they are; neither is fatal. */
    @Test
    void zeroByteAndTruncatedDocumentsAreRecordedNotFatal() throws IOException {
        DocumentFacts empty = facts("empty.pdf", Files.write(dir.resolve("empty.pdf"), new byte[0]));
        assertEquals("", empty.text());
        assertNotEquals(ExtractionOutcome.TIMED_OUT, empty.outcome());
        Path whole = docx("whole.docx", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats."
                + "org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>" + "findings ".repeat(2_000)
                + "</w:t></w:r></w:p></w:body></w:document>");
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.docx"), Arrays.copyOf(bytes, bytes.length / 2));
        DocumentFacts cut = facts("truncated.docx", truncated);
        assertTrue(cut.outcome() == ExtractionOutcome.PARSE_FAILED || cut.outcome() == ExtractionOutcome.OK,
                cut.outcome()::toString);
        assertFalse(PackageClassifier.classify(cut).kind().code().isEmpty());
        Path truncatedPdf = Files.write(dir.resolve("truncated.pdf"),
                Arrays.copyOf(Files.readAllBytes(DocumentFixtures.pdf(dir.resolve("whole.pdf"), "Lab results")), 200));
        DocumentFacts cutPdf = facts("truncated.pdf", truncatedPdf);
        assertNotEquals(ExtractionOutcome.TIMED_OUT, cutPdf.outcome());
    }

    private static Path docx(String name, String documentXml) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd."
                    + "openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                    + "xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            put(zip, "word/document.xml", documentXml);
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
