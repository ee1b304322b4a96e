package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.Objects;

/**
 * Classifies a read CDA: an unstructured body or template first (whatever its code), then the LOINC document code,
 * then the document templateId; anything else that is a ClinicalDocument is cda-other. Fragments (a bare section)
 * are cda-other filed under their section's category.
 */
final class CdaRules {
    private CdaRules() {
    }

    static Classification classify(CdaFacts facts) {
        Classification result = facts.document() ? document(facts) : fragment(facts);
        return facts.problem() == null ? result : result.withEvidence(facts.problem(), 0.6);
    }

    private static Classification document(CdaFacts facts) {
        DocumentKind byCode = facts.code() == null ? null : CdaDocumentTypes.BY_CODE.get(facts.code());
        String template = facts.templateIds().stream().filter(Objects::nonNull)
                .filter(CdaDocumentTypes.BY_TEMPLATE::containsKey)
                .filter(t -> !t.equals(CdaDocumentTypes.UNSTRUCTURED_TEMPLATE)).findFirst().orElse(null);
        DocumentKind byTemplate = template == null ? null : CdaDocumentTypes.BY_TEMPLATE.get(template);
        String code = "ClinicalDocument/code " + facts.code();
        if (facts.nonXmlBody() || facts.templateIds().contains(CdaDocumentTypes.UNSTRUCTURED_TEMPLATE)) {
            String why = facts.nonXmlBody() ? "nonXMLBody" : "templateId " + CdaDocumentTypes.UNSTRUCTURED_TEMPLATE;
            return cda(DocumentKind.CCDA_UNSTRUCTURED, 0.9, why + "; " + code, facts);
        }
        if (byCode != null && (byTemplate == null || byTemplate == byCode)) {
            return cda(byCode, byTemplate == null ? 0.85 : 0.95, byTemplate == null ? code
                    : code + "; templateId " + template, facts);
        }
        if (byCode != null) {
            return cda(byCode, 0.6, code + "; templateId " + template + " says " + byTemplate.code(), facts);
        }
        if (byTemplate != null) {
            return cda(byTemplate, 0.8, "templateId " + template + "; " + code + " is not a known document code",
                    facts);
        }
        return cda(DocumentKind.CDA_OTHER, 0.6, code + " is not a C-CDA document type", facts);
    }

    private static Classification fragment(CdaFacts facts) {
        String sectionCode = facts.sections().isEmpty() ? null : facts.sections().get(0).code();
        RecordCategory category = sectionCode == null ? RecordCategory.DOCUMENTS
                : CdaDocumentTypes.SECTION_CATEGORIES.getOrDefault(sectionCode, RecordCategory.DOCUMENTS);
        return new Classification(DocumentKind.CDA_OTHER, category, 0.5,
                "CDA fragment: root <" + facts.root() + ">, section code " + sectionCode, facts.sections());
    }

    private static Classification cda(DocumentKind kind, double confidence, String evidence, CdaFacts facts) {
        return new Classification(kind, kind.category(), confidence, evidence, facts.sections());
    }
}
