package health.ferry.uploads.classification;

import java.util.List;

/**
 * The classification of every document of one upload, in the order given, and the XDM metadata check.
 *
 * @param documents one classification per document, same order as the input
 * @param xdm       the XDM report; {@link XdmReport#present()} is false when the upload held no XDM metadata
 */
public record PackageClassification(List<Classification> documents, XdmReport xdm) {
    public PackageClassification {
        documents = List.copyOf(documents);
    }
}
