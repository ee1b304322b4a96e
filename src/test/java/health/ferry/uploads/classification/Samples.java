package health.ferry.uploads.classification;

import health.ferry.uploads.detection.ExtractionOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test documents written here, and DocumentFacts for them with the media type the detector would report. */
final class Samples {
    static final String CCDA = "2.16.840.1.113883.10.20.22.1.";
    private final Path dir;
    private int counter;

    Samples(Path dir) {
        this.dir = dir;
    }

    DocumentFacts facts(String name, String mediaType, String content) throws IOException {
        Path file = Files.writeString(dir.resolve("doc" + ++counter), content, StandardCharsets.UTF_8);
        return new DocumentFacts(name, Files.size(file), mediaType, ExtractionOutcome.OK, content, 1, file);
    }

    DocumentFacts facts(String name, String mediaType, ExtractionOutcome outcome, String text, int pages)
            throws IOException {
        Path file = Files.writeString(dir.resolve("doc" + ++counter), text);
        return new DocumentFacts(name, Files.size(file), mediaType, outcome, text, pages, file);
    }

    Classification classify(String mediaType, String content) throws IOException {
        return PackageClassifier.classify(facts("document", mediaType, content));
    }

    /** A CDA document with the given document code, templateIds and sections (code, title). */
    static String cda(String code, List<String> templates, String... sections) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n"
                + "  <realmCode code=\"US\"/>\n");
        for (String template : templates) {
            xml.append("  <templateId root=\"").append(template).append("\" extension=\"2015-08-01\"/>\n");
        }
        if (code != null) {
            xml.append("  <code code=\"").append(code).append("\" codeSystem=\"2.16.840.1.113883.6.1\"/>\n");
        }
        xml.append("  <title>Document</title>\n  <component><structuredBody>\n");
        for (int i = 0; i + 1 < sections.length; i += 2) {
            xml.append("    <component><section><code code=\"").append(sections[i]).append("\"/><title>")
                    .append(sections[i + 1]).append("</title><text>narrative</text>")
                    .append("<component><section><code code=\"99999-9\"/><title>Sub</title></section></component>")
                    .append("</section></component>\n");
        }
        return xml.append("  </structuredBody></component>\n</ClinicalDocument>\n").toString();
    }

    static String unstructured(String code) {
        return "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><templateId root=\"" + CCDA + "1\"/><code code=\"" + code
                + "\"/><component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">JVBERi0="
                + "</text></nonXMLBody></component></ClinicalDocument>";
    }
}
