package health.ferry.uploads.classification;

import health.ferry.uploads.detection.ExtractionOutcome;
import health.ferry.uploads.detection.OcrStatus;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/** Chooses the rule for one document from its detected type, and for XML and JSON from the content itself. */
final class DocumentClassifier {
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-gtar", "application/x-bzip2", "application/x-bzip",
            "application/x-xz", "application/zstd", "application/x-compress", "application/java-archive",
            "application/x-lzip", "application/vnd.ms-cab-compressed", "application/x-archive", "application/x-cpio",
            "application/x-arj", "application/x-lzh-compressed");
    private static final Set<String> OFFICE = Set.of("application/msword", "application/rtf",
            "application/vnd.visio", "application/x-mspublisher", "application/vnd.wordperfect");
    private static final Set<String> JSON = Set.of("application/json", "application/fhir+json",
            "application/x-ndjson", "application/ndjson", "application/fhir+ndjson");

    private DocumentClassifier() {
    }

    static Classification classify(DocumentFacts facts, PackageLayout layout) throws IOException {
        String type = facts.mediaType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (facts.outcome() == ExtractionOutcome.ENCRYPTED || type.equals("application/x-tika-ooxml-protected")) {
            return Classification.of(DocumentKind.ENCRYPTED_DOCUMENT, 0.95, "password-protected " + type);
        }
        if (layout.isXdmIndex(facts.name()) && (type.startsWith("text/") || type.endsWith("xml"))) {
            return Classification.of(DocumentKind.PACKAGE_INDEX, 0.9, "IHE XDM " + lastSegment(facts.name())
                    + " beside IHE_XDM/ (" + type + ")");
        }
        Classification byType = byMediaType(facts, type);
        return byType != null ? byType : byContent(facts, type);
    }

    /** The kinds the detected type alone decides; null when the content must be read. */
    private static Classification byMediaType(DocumentFacts facts, String type) {
        if (ARCHIVES.contains(type)) {
            return Classification.of(DocumentKind.NESTED_ARCHIVE, 0.95, type + " kept closed, never expanded");
        }
        if (type.equals("application/pdf")) {
            return pdf(facts);
        }
        if (type.equals("application/dicom")) {
            return Classification.of(DocumentKind.DICOM, 0.95, "DICM marker at offset 128");
        }
        if (type.startsWith("image/")) {
            return image(facts, type);
        }
        if (type.equals("application/xhtml+xml") || type.equals("text/html")) {
            return Classification.of(DocumentKind.HTML, 0.85, type + " (never rendered)");
        }
        return null;
    }

    /** XML and JSON by what they contain; everything else by its type family. */
    private static Classification byContent(DocumentFacts facts, String type) throws IOException {
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            return XmlClassifier.classify(facts, type);
        }
        char first = type.equals("text/plain") ? ContentStart.firstCharacter(facts.content()) : 0;
        if (first == '<' && XmlRoot.read(facts.content()).problem() == null) {
            // Tika calls XML without a declaration plain text (METADATA.XML often, FHIR XML sometimes).
            return XmlClassifier.classify(facts, "text/plain XML");
        }
        if (JSON.contains(type) || first == '{') {
            Classification fhir = FhirRules.classify(FhirJsonReader.read(facts.content()));
            if (fhir != null) {
                return apple(facts, fhir);
            }
        }
        return generic(type);
    }

    private static Classification pdf(DocumentFacts facts) {
        if (facts.outcome() != ExtractionOutcome.OK) {
            return Classification.of(DocumentKind.PDF_OTHER, 0.3, "PDF text not extracted ("
                    + facts.outcome().code() + ")");
        }
        Classification byText = PdfRules.classify(facts.text(), facts.pages(), false, ocrText(facts));
        return facts.ocr().textMissing() ? byText.withEvidence(facts.ocr().words(), 1.0) : byText;
    }

    /** An image: by the text OCR read from it, where that matches a rule; else just an image. */
    private static Classification image(DocumentFacts facts, String type) {
        Classification byText = ocrText(facts) ? PdfRules.classify(facts.text(), 1, true, true) : null;
        if (byText != null) {
            return byText;
        }
        Classification plain = Classification.of(DocumentKind.IMAGE, 0.9, type);
        return facts.ocr().textMissing() ? plain.withEvidence(facts.ocr().words(), 1.0) : plain;
    }

    private static boolean ocrText(DocumentFacts facts) {
        OcrStatus ocr = facts.ocr();
        return ocr == OcrStatus.READ || ocr == OcrStatus.PAGE_CAP || ocr == OcrStatus.TIME_CAP;
    }

    static Classification apple(DocumentFacts facts, Classification fhir) {
        return PackageLayout.appleClinicalRecord(facts.name())
                ? fhir.withEvidence("Apple Health clinical record", 1.0) : fhir;
    }

    private static Classification generic(String type) {
        if (OFFICE.contains(type) || type.startsWith("application/vnd.openxmlformats-officedocument.")
                || type.startsWith("application/vnd.oasis.opendocument.") || type.startsWith("application/vnd.ms-")) {
            return Classification.of(DocumentKind.OFFICE_DOCUMENT, 0.9, type);
        }
        if (type.startsWith("text/")) {
            return Classification.of(DocumentKind.TEXT, 0.8, type);
        }
        return Classification.of(DocumentKind.OTHER, 0.3, "media type " + type);
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
