package health.ferry.uploads.classification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Classifies the documents of one upload together, so package structure counts: XDM index files, XDM metadata
 * checked against the files, Apple Health clinical records. Each document gets a kind, a category, a confidence
 * and the evidence of the rule that fired. Reading is streaming and XML is parsed with DTDs refused.
 */
public final class PackageClassifier {
    private static final Logger LOG = Logger.getLogger(PackageClassifier.class);

    private PackageClassifier() {
    }

    /**
     * Classifies {@code documents}.
     *
     * @throws IOException when a document's stored content cannot be read (storage, not the document's fault)
     */
    public static PackageClassification classify(List<DocumentFacts> documents) throws IOException {
        PackageLayout layout = PackageLayout.of(documents.stream().map(DocumentFacts::name).toList());
        List<Classification> results = new ArrayList<>(documents.size());
        List<DocumentFacts> metadata = new ArrayList<>();
        for (DocumentFacts document : documents) {
            Classification result = classify(document, layout);
            results.add(result);
            if (result.kind() == DocumentKind.XDM_METADATA) {
                metadata.add(document);
            }
        }
        return new PackageClassification(results, XdmCheck.check(documents, metadata));
    }

    /** Classifies one document on its own (no package context). */
    public static Classification classify(DocumentFacts document) throws IOException {
        return classify(document, PackageLayout.of(List.of(document.name())));
    }

    private static Classification classify(DocumentFacts document, PackageLayout layout) throws IOException {
        try {
            return DocumentClassifier.classify(document, layout);
        } catch (RuntimeException | StackOverflowError e) {
            // A hostile document may break a parser in ways it does not declare; it stays one unclassified file.
            LOG.debugf("classification failed: %s", e.getClass().getName());
            return Classification.of(DocumentKind.OTHER, 0.1, "content could not be classified ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
