package health.ferry.review;

import health.ferry.review.CoordinatorViews.CoordinatorDocument;
import health.ferry.uploads.SupportingDocuments;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * A PDF's pages as PNG images rendered by Ferry ({@link SupportingDocuments#pageImage}), so the coordinator reads a
 * PDF on the document page without a browser plugin. Only a coordinator of the document's study gets them (else
 * 404, audited, as for the document); the first {@value SupportingDocuments#MAX_PREVIEW_PAGES} pages are shown, the
 * rest by download.
 */
@Path("/coordinator/documents/{documentId}/pages/{page}")
@Authenticated
public class PdfPagePreviews {
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    ReviewQueue queue;
    @Inject
    SupportingDocuments documents;

    /**
     * Page {@code page} (from 1) of the document, as a PNG; 400 for a document that is no PDF, 404 for a page Ferry
     * does not show.
     */
    @GET
    @Produces("image/png")
    public Response page(@PathParam("documentId") String documentId, @PathParam("page") int page) {
        byte[] png = documents.pageImage(queue.content(documentId), documentId, page);
        return Response.ok(png, "image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CSP).header("Cache-Control", "no-store").build();
    }

    /** How many page images the document page shows: its pages, at most the preview's limit. */
    @TemplateExtension
    static int previewPages(CoordinatorDocument document) {
        return Math.max(1, Math.min(document.pages(), SupportingDocuments.MAX_PREVIEW_PAGES));
    }
}
