package health.ferry.uploads.classification;

import java.io.IOException;
import java.util.Set;

/** XML by its root element: CDA, FHIR, XDM metadata, XSL stylesheet, XHTML, or other XML. */
final class XmlClassifier {
    /** Roots of CDA fragments (a section, or the component around it) often saved without their namespace. */
    private static final Set<String> FRAGMENT_ROOTS = Set.of("section", "component");

    private XmlClassifier() {
    }

    static Classification classify(DocumentFacts facts, String type) throws IOException {
        XmlRoot root = XmlRoot.read(facts.content());
        if (root.problem() != null) {
            return Classification.of(DocumentKind.OTHER, 0.3, type + ": " + root.problem());
        }
        if (root.is(CdaFacts.NAMESPACE) || (root.is("") && FRAGMENT_ROOTS.contains(root.localName()))) {
            return CdaRules.classify(CdaReader.read(facts.content()));
        }
        if (root.is(FhirXmlReader.NAMESPACE)) {
            return fhir(facts, root);
        }
        if (root.is(XmlRoot.EBRIM_LCM) && root.localName().equals("SubmitObjectsRequest")) {
            return Classification.of(DocumentKind.XDM_METADATA, PackageLayout.inXdm(facts.name()) ? 0.98 : 0.9,
                    "ebRIM SubmitObjectsRequest (XDS metadata)");
        }
        if (root.is(XmlRoot.XSL)) {
            return Classification.of(DocumentKind.STYLESHEET, 0.95, "XSLT <" + root.localName()
                    + "> (never executed)");
        }
        if (root.is(XmlRoot.XHTML) || root.localName().equalsIgnoreCase("html")) {
            return Classification.of(DocumentKind.HTML, 0.85, "XHTML (never rendered)");
        }
        if (root.localName().equals("HealthData")) {
            return Classification.of(DocumentKind.OTHER, 0.6, "Apple Health export.xml (HealthKit data)");
        }
        return other(root);
    }

    private static Classification fhir(DocumentFacts facts, XmlRoot root) throws IOException {
        Classification fhir = FhirRules.classify(FhirXmlReader.read(facts.content()));
        return fhir == null ? other(root) : DocumentClassifier.apple(facts, fhir);
    }

    private static Classification other(XmlRoot root) {
        return Classification.of(DocumentKind.OTHER, 0.4, "XML, root element <" + root.localName() + ">");
    }
}
