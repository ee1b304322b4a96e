package health.ferry.uploads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploads generated in test code: an XDM-like package (C-CDA, PDF, image), folders, and hostile archives. */
public final class UploadFixtures {
    /** An SVG whose script would change the title and call the API if it ever ran. */
    public static final String SVG = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "onload=\"document.title='PWNED';fetch('/api/v1/me?script-ran=svg')\" width=\"10\" height=\"10\">"
            + "<foreignObject width=\"10\" height=\"10\"><body xmlns=\"http://www.w3.org/1999/xhtml\">"
            + "<script>document.title='PWNED'</script></body></foreignObject><rect width=\"10\" height=\"10\"/></svg>";
    public static final String XDM = "IHE_XDM/SUBSET01/";

    private UploadFixtures() {
    }

    /** A Continuity of Care Document (LOINC 34133-9 with the C-CDA CCD template). */
    public static byte[] ccd() {
        return ("<?xml version=\"1.0\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n"
                + "  <templateId root=\"2.16.840.1.113883.10.20.22.1.1\"/>\n"
                + "  <templateId root=\"2.16.840.1.113883.10.20.22.1.2\" extension=\"2015-08-01\"/>\n"
                + "  <code code=\"34133-9\" codeSystem=\"2.16.840.1.113883.6.1\"/>\n  <title>Summary</title>\n"
                + "  <component><structuredBody><component><section><code code=\"48765-2\"/><title>Allergies</title>"
                + "<text>No known allergies</text></section></component></structuredBody></component>\n"
                + "</ClinicalDocument>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page laboratory report PDF. */
    public static byte[] labPdf() {
        return generated("lab.pdf", file -> health.ferry.uploads.DocumentFixtures.pdf(file, "Laboratory Report\n"
                + "Test Name  Result  Units  Reference Range\nHemoglobin  13.2  g/dL  12.0-16.0\n"
                + "Specimen collected 2024-01-02 08:00"));
    }

    /** A small PNG photo of a page. */
    public static byte[] png() {
        return generated("photo.png", file -> health.ferry.uploads.DocumentFixtures.pngWithText(file, "Photo"));
    }

    /** The files of an XDM-like export: a CCD, a lab PDF, an image, the XDM metadata, index and readme. */
    public static Map<String, byte[]> xdmFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("INDEX.HTM", "<html><body><a href=\"IHE_XDM/SUBSET01/DOC0001.XML\">Summary</a></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        files.put("README.TXT", "Exported health record".getBytes(StandardCharsets.UTF_8));
        files.put(XDM + "DOC0001.XML", ccd());
        files.put(XDM + "DOC0002.PDF", labPdf());
        files.put(XDM + "IMG0001.PNG", png());
        files.put(XDM + "METADATA.XML", metadata("DOC0001.XML", "DOC0002.PDF", "IMG0001.PNG")
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static String metadata(String... uris) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SubmitObjectsRequest xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\">\n"
                + " <RegistryObjectList xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">\n");
        for (int i = 0; i < uris.length; i++) {
            xml.append("  <ExtrinsicObject id=\"Document0").append(i).append("\" mimeType=\"text/xml\">")
                    .append("<Slot name=\"URI\"><ValueList><Value>").append(uris[i])
                    .append("</Value></ValueList></Slot></ExtrinsicObject>\n");
        }
        return xml.append("  <RegistryPackage id=\"SubmissionSet01\"/>\n </RegistryObjectList>\n"
                + "</SubmitObjectsRequest>\n").toString();
    }

    /** A ZIP of the given files, in order (names as given: hostile ones too). */
    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The XDM-like export as its portal would hand it out, with macOS clutter added by the participant's computer. */
    public static byte[] xdmZip() {
        Map<String, byte[]> files = new LinkedHashMap<>(xdmFiles());
        files.put("__MACOSX/IHE_XDM/._DOC0001.XML", new byte[] {0, 5, 22, 7});
        return zip(files);
    }

    /** An archive whose entry climbs out of the folder it would be unpacked into (zip slip). */
    public static byte[] zipSlip() {
        return zip(Map.of("records/summary.xml", ccd(), "../../outside/evil.xml", ccd()));
    }

    /** A short, distinct text file: cheap uploads for gate tests. */
    public static byte[] note(String words) {
        return ("Note: " + words).getBytes(StandardCharsets.UTF_8);
    }

    private interface Writer {
        Path write(Path file) throws IOException;
    }

    private static byte[] generated(String name, Writer writer) {
        try {
            Path dir = Files.createTempDirectory("ferry-fixture");
            Path file = writer.write(dir.resolve(name));
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
