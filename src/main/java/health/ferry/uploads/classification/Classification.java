package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.List;
import java.util.Objects;

/**
 * What a document is, as far as its content tells.
 *
 * @param kind       one of the contract's document kinds
 * @param category   the record category a coordinator would file it under
 * @param confidence 0..1: how sure the rule that fired is
 * @param evidence   which rule fired, in codes and fixed words (e.g. "ClinicalDocument/code 18842-5"); never
 *                   document text, so it can be logged and shown
 * @param sections   for CDA documents, the top-level section inventory; otherwise empty
 */
public record Classification(DocumentKind kind, RecordCategory category, double confidence, String evidence,
        List<CdaSection> sections) {
    public Classification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(evidence, "evidence");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1");
        }
        confidence = Math.round(confidence * 100) / 100.0;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** The confidence in words: high (0.8 or more), medium (0.6 or more), low; null when not classified. */
    public static String inWords(Double confidence) {
        if (confidence == null) {
            return null;
        }
        return confidence >= 0.8 ? "high" : confidence >= 0.6 ? "medium" : "low";
    }

    /** {@link #inWords(Double)} of this classification. */
    public String confidenceWords() {
        return inWords(confidence);
    }

    static Classification of(DocumentKind kind, double confidence, String evidence) {
        return new Classification(kind, kind.category(), confidence, evidence, List.of());
    }

    Classification withEvidence(String more, double confidenceFactor) {
        return new Classification(kind, category, confidence * confidenceFactor, evidence + "; " + more, sections);
    }
}
