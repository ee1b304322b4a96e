package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.detection.ExtractionOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kinds decided by the detected media type, and the package-structure ones (index, stylesheet, metadata). */
class ClassificationMediaTest {
    @TempDir
    Path dir;
    Samples samples;

    @BeforeEach
    void setUp() {
        samples = new Samples(dir);
    }

    @ParameterizedTest
    @CsvSource({"image/jpeg, image", "image/heic, image", "image/svg+xml, image", "application/dicom, dicom",
        "application/msword, office-document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document, office-document",
        "application/vnd.ms-excel, office-document", "application/vnd.oasis.opendocument.text, office-document",
        "application/rtf, office-document", "text/html, html", "application/xhtml+xml, html", "text/plain, text",
        "text/csv, text", "application/zip, nested-archive", "application/x-7z-compressed, nested-archive",
        "application/gzip, nested-archive", "application/x-tar, nested-archive", "application/vnd.rar, nested-archive",
        "application/x-tika-ooxml-protected, encrypted-document", "application/octet-stream, other",
        "message/rfc822, other"})
    void byMediaType(String mediaType, String kind) throws IOException {
        assertEquals(kind, samples.classify(mediaType, "plain content").kind().code());
    }

    @Test
    void encryptedOutcomeWhateverTheType() throws IOException {
        Classification c = PackageClassifier.classify(samples.facts("locked.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ExtractionOutcome.ENCRYPTED,
                "", 0));
        assertEquals(DocumentKind.ENCRYPTED_DOCUMENT, c.kind());
    }

    @Test
    void stylesheetIsRecognisedNeverExecuted() throws IOException {
        Classification c = samples.classify("application/xslt+xml", "<xsl:stylesheet version=\"1.0\" "
                + "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\">"
                + "<xsl:value-of select=\"document('file:///etc/passwd')\"/></xsl:template></xsl:stylesheet>");
        assertEquals(DocumentKind.STYLESHEET, c.kind());
        assertTrue(c.evidence().contains("never executed"));
    }

    @Test
    void indexAndReadmeArePackageIndexOnlyBesideIheXdm() throws IOException {
        DocumentFacts index = samples.facts("INDEX.HTM", "text/html", "<html><body>index</body></html>");
        DocumentFacts readme = samples.facts("README.TXT", "text/plain", "Produced by a portal");
        DocumentFacts doc = samples.facts("IHE_XDM/SUBSET01/DOC0001.XML", "application/cda+xml",
                "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"34133-9\"/></ClinicalDocument>");
        List<Classification> inXdm = PackageClassifier.classify(List.of(index, readme, doc)).documents();
        assertEquals(List.of(DocumentKind.PACKAGE_INDEX, DocumentKind.PACKAGE_INDEX, DocumentKind.CCDA_CCD),
                inXdm.stream().map(Classification::kind).toList());
        List<Classification> alone = PackageClassifier.classify(List.of(index, readme)).documents();
        assertEquals(List.of(DocumentKind.HTML, DocumentKind.TEXT), alone.stream().map(Classification::kind).toList());
    }

    @Test
    void otherXmlAndBrokenXml() throws IOException {
        assertEquals("XML, root element <note>", samples.classify("application/xml", "<note/>").evidence());
        Classification broken = samples.classify("application/xml", "<?xml version=\"1.0\"?>");
        assertEquals(DocumentKind.OTHER, broken.kind());
    }
}
