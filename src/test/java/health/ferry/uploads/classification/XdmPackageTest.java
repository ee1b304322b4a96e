package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.DocumentFixtures;
import health.ferry.uploads.EnginePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IHE XDM packages built here, in both folder layouts, through unpacking, the worker and the classifier. */
class XdmPackageTest {
    private static final String CCD = Samples.cda("34133-9", List.of(Samples.CCDA + "1", Samples.CCDA + "2"),
            "48765-2", "Allergies", "10160-0", "Medications");
    private static final String INDEX = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
            + "<a href=\"IHE_XDM/SUBSET01/DOC0001.XML\">Summary</a></body></html>";

    private final EnginePipeline pipeline = EnginePipeline.shared();

    @TempDir
    Path dir;

    private Map<String, Classification> classify(XdmPackages xdm, List<String> problems) throws IOException {
        List<DocumentFacts> facts = pipeline.unpack(xdm.zip(dir.resolve("upload.zip")), dir.resolve("store"));
        PackageClassification result = PackageClassifier.classify(facts);
        problems.addAll(result.xdm().problems());
        Map<String, Classification> byName = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            byName.put(facts.get(i).name(), result.documents().get(i));
        }
        return byName;
    }

    @Test
    void subsetLayoutWithIndexReadmeMetadataDocumentsAndStylesheet() throws IOException {
        XdmPackages xdm = new XdmPackages().file("INDEX.HTM", INDEX).file("README.TXT", "Sent by Good Health Clinic")
                .file("IHE_XDM/SUBSET01/DOC0001.XML", CCD)
                .file("IHE_XDM/SUBSET01/DOC0002.PDF", Files.readAllBytes(DocumentFixtures.pdf(dir.resolve("lab.pdf"),
                        "LABORATORY REPORT\nTest name: Hemoglobin 13.2 g/dL\nReference range 12.0-15.5")))
                .file("IHE_XDM/SUBSET01/CDA.XSL", "<xsl:stylesheet version=\"1.0\" "
                        + "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>");
        xdm.file("IHE_XDM/SUBSET01/METADATA.XML", XdmPackages.metadata(true,
                xdm.honest("Document01", "IHE_XDM/SUBSET01/DOC0001.XML", "34133-9"),
                xdm.honest("Document02", "IHE_XDM/SUBSET01/DOC0002.PDF", "11502-2")));
        List<String> problems = new ArrayList<>();
        Map<String, Classification> kinds = classify(xdm, problems);
        assertEquals(Map.of("INDEX.HTM", "package-index", "README.TXT", "package-index",
                "IHE_XDM/SUBSET01/DOC0001.XML", "ccda-ccd", "IHE_XDM/SUBSET01/DOC0002.PDF", "pdf-lab-report",
                "IHE_XDM/SUBSET01/CDA.XSL", "stylesheet", "IHE_XDM/SUBSET01/METADATA.XML", "xdm-metadata"),
                codes(kinds));
        assertEquals(List.of(), problems, "sizes and hashes agree");
    }

    @Test
    void perPatientLayoutWrappedInAFolderWithMetadataWithoutDeclaration() throws IOException {
        XdmPackages xdm = new XdmPackages().file("MyChart/INDEX.HTM", INDEX).file("MyChart/README.TXT", "Epic")
                .file("MyChart/IHE_XDM/Alice1/DOC0001.XML", CCD).file("MyChart/IHE_XDM/Alice1/DOC0002.XML", CCD);
        xdm.file("MyChart/IHE_XDM/Alice1/METADATA.XML", XdmPackages.metadata(false,
                xdm.honest("d1", "MyChart/IHE_XDM/Alice1/DOC0001.XML", "34133-9"),
                xdm.honest("d2", "MyChart/IHE_XDM/Alice1/DOC0002.XML", "34133-9")));
        List<String> problems = new ArrayList<>();
        Map<String, String> kinds = codes(classify(xdm, problems));
        assertEquals("package-index", kinds.get("MyChart/INDEX.HTM"));
        assertEquals("package-index", kinds.get("MyChart/README.TXT"));
        assertEquals("xdm-metadata", kinds.get("MyChart/IHE_XDM/Alice1/METADATA.XML"));
        assertEquals("ccda-ccd", kinds.get("MyChart/IHE_XDM/Alice1/DOC0002.XML"));
        assertEquals(List.of(), problems);
    }

    @Test
    void mismatchesAreReportedNotHidden() throws IOException {
        XdmPackages xdm = new XdmPackages().file("INDEX.HTM", INDEX).file("IHE_XDM/SUBSET01/DOC0001.XML", CCD)
                .file("IHE_XDM/SUBSET01/DOC0002.XML", CCD).file("IHE_XDM/SUBSET01/EXTRA.XML", CCD);
        XdmPackages.Listed honest = xdm.honest("d1", "IHE_XDM/SUBSET01/DOC0001.XML", "34133-9");
        XdmPackages.Listed second = xdm.honest("d2", "IHE_XDM/SUBSET01/DOC0002.XML", "34133-9");
        xdm.file("IHE_XDM/SUBSET01/METADATA.XML", XdmPackages.metadata(true,
                new XdmPackages.Listed("d1", honest.uri(), honest.size() + 1, honest.sha1(), "34133-9"),
                new XdmPackages.Listed("d2", second.uri(), second.size(), "0".repeat(40), "34133-9"),
                new XdmPackages.Listed("d3", "DOC0003.XML", 10, "0".repeat(40), "34133-9"),
                new XdmPackages.Listed("d4", "../../../etc/passwd", 10, "0".repeat(40), "34133-9")));
        List<String> problems = new ArrayList<>();
        classify(xdm, problems);
        assertEquals(5, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("IHE_XDM/SUBSET01/DOC0001.XML: Size"), problems.get(0));
        assertTrue(problems.contains("IHE_XDM/SUBSET01/DOC0002.XML: Content differs from the hash METADATA.XML"
                + " declares."), problems::toString);
        assertTrue(problems.contains("IHE_XDM/SUBSET01/METADATA.XML: Document DOC0003.XML is listed but not in the"
                + " upload."), problems::toString);
        assertTrue(problems.contains("IHE_XDM/SUBSET01/METADATA.XML: Document ../../../etc/passwd is listed but not"
                + " in the upload."), problems::toString);
        assertTrue(problems.contains("IHE_XDM/SUBSET01/EXTRA.XML: In the XDM folder but not listed in"
                + " IHE_XDM/SUBSET01/METADATA.XML."), problems::toString);
    }

    @Test
    void entryWithoutUriIsMatchedByItsIdAndTheReportCarriesTheCodes() throws IOException {
        XdmPackages xdm = new XdmPackages().file("IHE_XDM/SUBSET01/Document01.xml", CCD);
        XdmPackages.Listed listed = xdm.honest("Document01", "IHE_XDM/SUBSET01/Document01.xml", "34133-9");
        xdm.file("IHE_XDM/SUBSET01/METADATA.xml", XdmPackages.metadata(true,
                new XdmPackages.Listed("Document01", null, listed.size(), listed.sha1(), "34133-9")));
        List<DocumentFacts> facts = pipeline.unpack(xdm.zip(dir.resolve("upload.zip")), dir.resolve("store"));
        XdmReport report = PackageClassifier.classify(facts).xdm();
        assertTrue(report.present());
        assertEquals(List.of(), report.problems());
        XdmDocumentEntry entry = report.documents().get(0);
        assertEquals("IHE_XDM/SUBSET01/Document01.xml", entry.file());
        assertEquals("34133-9", entry.typeCode());
        assertEquals("Summary of episode note", entry.typeName());
        assertEquals(Boolean.TRUE, entry.sizeMatches());
        assertEquals(Boolean.TRUE, entry.hashMatches());
        assertEquals(1, report.submissionSets().get(0).documents());
        assertEquals("20240102030405", report.submissionSets().get(0).submissionTime());
        assertFalse(report.toString().contains("Doe^Jane"), "patient identity slots are not read");
    }

    @Test
    void unreadableMetadataIsAProblemNotAFailure() throws IOException {
        XdmPackages xdm = new XdmPackages().file("IHE_XDM/SUBSET01/DOC0001.XML", CCD).file(
                "IHE_XDM/SUBSET01/METADATA.XML", "<SubmitObjectsRequest xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:"
                        + "3.0\"><RegistryObjectList><ExtrinsicObject id=\"x\"></RegistryObjectList>");
        List<String> problems = new ArrayList<>();
        Map<String, String> kinds = codes(classify(xdm, problems));
        assertEquals("xdm-metadata", kinds.get("IHE_XDM/SUBSET01/METADATA.XML"));
        assertTrue(problems.get(0).contains("not well-formed"), problems::toString);
    }

    @Test
    void noXdmNoReport() throws IOException {
        XdmPackages plain = new XdmPackages().file("records/summary.xml", CCD);
        List<DocumentFacts> facts = pipeline.unpack(plain.zip(dir.resolve("plain.zip")), dir.resolve("store"));
        assertFalse(PackageClassifier.classify(facts).xdm().present());
    }

    private static Map<String, String> codes(Map<String, Classification> kinds) {
        Map<String, String> codes = new LinkedHashMap<>();
        kinds.forEach((name, c) -> codes.put(name, c.kind().code()));
        return codes;
    }
}
