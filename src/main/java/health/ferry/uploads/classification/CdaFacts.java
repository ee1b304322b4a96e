package health.ferry.uploads.classification;

import java.util.List;

/**
 * What a streaming read of a CDA document (or fragment) found.
 *
 * @param root        local name of the root element ({@code ClinicalDocument}, or {@code section} for a fragment)
 * @param code        ClinicalDocument/code/@code, or null
 * @param templateIds ClinicalDocument/templateId/@root values, in document order
 * @param nonXmlBody  the body is a nonXMLBody (unstructured document)
 * @param sections    top-level sections (no ancestor section), in order
 * @param problem     why reading stopped early (not well-formed, DOCTYPE), or null
 */
record CdaFacts(String root, String code, List<String> templateIds, boolean nonXmlBody, List<CdaSection> sections,
        String problem) {
    static final String NAMESPACE = "urn:hl7-org:v3";
    static final String DOCUMENT = "ClinicalDocument";

    boolean document() {
        return DOCUMENT.equals(root);
    }
}
