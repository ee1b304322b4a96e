package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.DocumentFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type by content, bounded text, encrypted documents recognised, no OCR when it is off: checked through the real
 * worker (OCR itself: OcrExtractionTest).
 */
class DetectionTest {
    @TempDir
    static Path dir;
    static DocumentExtractor extractor;
    static DocumentExtractor tight;

    @BeforeAll
    static void startWorkers() {
        extractor = new DocumentExtractor(ExtractionSettings.defaults());
        tight = new DocumentExtractor(new ExtractionSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), "256m",
                1_000, 1, 1, 100, null));
    }

    @AfterAll
    static void stopWorkers() {
        extractor.close();
        tight.close();
    }

    private static Extraction extract(String name, String content) throws IOException {
        return extractor.extract(Files.writeString(dir.resolve(name), content));
    }

    @Test
    void contentDecidesNotTheName() throws IOException {
        Extraction html = extract("results.pdf", "<!DOCTYPE html><html><body><p>Results</p></body></html>");
        assertEquals("text/html", html.mediaType());
        assertTrue(html.text().contains("Results"));
    }

    @Test
    void dicomByTheMarkerAfterThePreambleEvenWithATiffHeader() throws IOException {
        Extraction dicom = extractor.extract(DocumentFixtures.dicom(dir.resolve("scan.tif")));
        assertEquals("application/dicom", dicom.mediaType());
    }

    @Test
    void ccdaHasItsOwnType() throws IOException {
        Extraction cda = extract("doc.xml", "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<title>Summary</title></ClinicalDocument>");
        assertEquals("application/cda+xml", cda.mediaType());
        Extraction other = extract("other.xml", "<?xml version=\"1.0\"?><note><to>x</to></note>");
        assertEquals("application/xml", other.mediaType());
    }

    @Test
    void fhirJsonAndXml() throws IOException {
        assertEquals("application/fhir+json",
                extract("b.txt", "{\n  \"resourceType\": \"Bundle\", \"type\": \"collection\"}").mediaType());
        assertEquals("application/fhir+xml",
                extract("p.txt", "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/></Patient>").mediaType());
        assertNotEquals("application/fhir+json", extract("j.txt", "{\"name\": \"not fhir\"}").mediaType());
    }

    @Test
    void pdfTextAndPages() throws IOException {
        Extraction pdf = extractor.extract(DocumentFixtures.pdf(dir.resolve("lab"), "Hemoglobin 13.2 g/dL",
                "Reference range 12.0-15.5"));
        assertEquals(ExtractionOutcome.OK, pdf.outcome());
        assertEquals("application/pdf", pdf.mediaType());
        assertEquals(2, pdf.pages());
        assertTrue(pdf.text().contains("Hemoglobin 13.2"), pdf.text());
        assertFalse(pdf.encrypted());
    }

    @Test
    void passwordProtectedPdfIsRecognisedNotRetried() throws IOException {
        Extraction pdf = extractor.extract(DocumentFixtures.encryptedPdf(dir.resolve("locked"), "secret"));
        assertEquals(ExtractionOutcome.ENCRYPTED, pdf.outcome());
        assertTrue(pdf.encrypted());
        assertEquals("", pdf.text());
    }

    @Test
    void passwordProtectedOfficeDocumentIsRecognised() throws Exception {
        Extraction docx = extractor.extract(DocumentFixtures.encryptedDocx(dir.resolve("locked.docx"), "secret"));
        assertEquals(ExtractionOutcome.ENCRYPTED, docx.outcome());
        assertEquals("application/x-tika-ooxml-protected", docx.mediaType());
    }

    @Test
    void imagesAreNotOcrdWithOcrOff() throws IOException {
        Extraction png;
        try (DocumentExtractor off = new DocumentExtractor(ExtractionSettings.defaults().withParallelism(1)
                .withOcr(OcrSettings.off()))) {
            png = off.extract(DocumentFixtures.pngWithText(dir.resolve("photo"), "ALLERGY PENICILLIN"));
        }
        assertEquals(ExtractionOutcome.OK, png.outcome());
        assertEquals(OcrStatus.OFF, png.ocr());
        assertEquals("image/png", png.mediaType());
        assertTrue(png.text().isBlank(), "no OCR text: " + png.text());
        assertTrue(png.parsers().stream().anyMatch(p -> p.endsWith("ImageParser")), png.parsers()::toString);
        assertTrue(png.parsers().stream().noneMatch(p -> p.contains("Tesseract") || p.contains("External")),
                png.parsers()::toString);
    }

    @Test
    void textIsCutAtTheWriteLimitAndFlagged() throws IOException {
        Extraction text = tight.extract(Files.writeString(dir.resolve("long"), "word ".repeat(2_000)));
        assertEquals(ExtractionOutcome.OK, text.outcome());
        assertTrue(text.writeLimitReached());
        assertTrue(text.text().length() <= 1_000 && text.text().length() > 990, () -> "" + text.text().length());
    }

    @Test
    void embeddedDocumentsStopAtTheLimit() throws IOException {
        Extraction mail = tight.extract(DocumentFixtures.mailWithAttachments(dir.resolve("mail"), 3));
        assertEquals(ExtractionOutcome.OK, mail.outcome());
        assertTrue(mail.text().contains("attachment number 1"), mail.text());
        assertFalse(mail.text().contains("attachment number 3"), mail.text());
        assertTrue(mail.embeddedLimitReached());
        Extraction all = extractor.extract(dir.resolve("mail"));
        assertTrue(all.text().contains("attachment number 3"));
        assertFalse(all.embeddedLimitReached());
    }

    @Test
    void nestedArchivesAreNotExpanded() throws IOException {
        Path zip = dir.resolve("inner");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("secret.txt"));
            out.write("inside the nested archive".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Extraction nested = extractor.extract(zip);
        assertEquals("application/zip", nested.mediaType());
        assertFalse(nested.text().contains("inside the nested archive"), "archives are never opened by Tika");
    }

    @Test
    void xmlEntitiesAreNotResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret-file"), "TOP-SECRET-CONTENT");
        Extraction xxe = extract("xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]><r>&x;</r>");
        assertFalse(xxe.text().contains("TOP-SECRET-CONTENT"), xxe.text());
    }
}
