package health.ferry.uploads;

import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.CoordinatorViews.CoordinatorDocument;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jboss.logging.Logger;

/**
 * A PDF's pages as PNG images rendered by Ferry (PDFBox), so the coordinator reads a PDF on the document page
 * without a browser plugin (Chromium's PDF viewer does not run in a sandboxed frame). The image is plain pixels: no
 * script, no link, nothing of the PDF's active content reaches the browser. The first {@value #MAX_PAGES} pages
 * are shown; the rest by download.
 */
@Path("/coordinator/documents/{documentId}/pages/{page}")
@Authenticated
public class PdfPagePreviews {
    private static final Logger LOG = Logger.getLogger(PdfPagePreviews.class);
    /** Pages shown on the document page at most. */
    static final int MAX_PAGES = 20;
    /** Rendered at screen resolution (96 dpi), and never wider or taller than this many pixels. */
    static final float DPI = 96f;
    static final int MAX_PIXELS = 2000;
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    CoordinatorDesk desk;

    /**
     * Page {@code page} (from 1) of the document, as a PNG; 400 for a document that is no PDF, 404 for a page Ferry
     * does not show (past the last or the {@value #MAX_PAGES}th, or a PDF it cannot draw).
     */
    @GET
    @Produces("image/png")
    public Response page(@PathParam("documentId") String documentId, @PathParam("page") int page) {
        CoordinatorDesk.Content c = desk.content(documentId);
        if (!"application/pdf".equals(c.mediaType())) {
            throw OutcomeException.invalid("documentId", "Only a PDF has page images; this document is shown as it is.");
        }
        if (page < 1 || page > MAX_PAGES) {
            throw OutcomeException.notFound();
        }
        byte[] png;
        try (PDDocument pdf = Loader.loadPDF(c.file().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (page > pdf.getNumberOfPages()) {
                throw OutcomeException.notFound();
            }
            PDRectangle box = pdf.getPage(page - 1).getCropBox();
            float scale = Math.min(DPI / 72f, MAX_PIXELS / Math.max(1f, Math.max(box.getWidth(), box.getHeight())));
            BufferedImage image = new PDFRenderer(pdf).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            png = out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof OutcomeException o) {
                throw o;
            }
            // Encrypted, damaged or hostile: no preview (the document page says to download it).
            LOG.infof("No preview of page %d of document %s: %s", page, documentId, e.getClass().getSimpleName());
            throw OutcomeException.notFound();
        }
        return Response.ok(png, "image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CSP).header("Cache-Control", "no-store").build();
    }

    /** How many page images the document page shows: its pages, at most {@value #MAX_PAGES}. */
    @TemplateExtension
    static int previewPages(CoordinatorDocument document) {
        return Math.max(1, Math.min(document.pages(), MAX_PAGES));
    }
}
