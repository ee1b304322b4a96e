package health.ferry.uploads;

import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.api.DocumentBytes;
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
 * A PDF's pages as PNG images rendered by PDFBox, so a reader needs no browser plugin (Chromium's PDF viewer does not
 * run in a sandboxed frame). The image is plain pixels: no script, no link, nothing of the PDF's active content.
 */
final class PdfPageImages {
    private static final Logger LOG = Logger.getLogger(PdfPageImages.class);
    /** Pages rendered at most; the rest by download. */
    static final int MAX_PAGES = 20;
    /** Rendered at screen resolution (96 dpi), and never wider or taller than this many pixels. */
    static final float DPI = 96f;
    static final int MAX_PIXELS = 2000;

    private PdfPageImages() {
    }

    /**
     * Page {@code page} (from 1) as a PNG; 400 for a document that is no PDF, 404 for a page not rendered (past the
     * last or the {@value #MAX_PAGES}th, or a PDF PDFBox cannot draw: encrypted, damaged or hostile).
     */
    static byte[] render(String documentId, DocumentBytes c, int page) {
        if (!"application/pdf".equals(c.mediaType())) {
            throw OutcomeException.invalid("documentId", "Only a PDF has page images; this document is shown as it is.");
        }
        if (page < 1 || page > MAX_PAGES) {
            throw OutcomeException.notFound();
        }
        try (PDDocument pdf = Loader.loadPDF(c.file().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (page > pdf.getNumberOfPages()) {
                throw OutcomeException.notFound();
            }
            PDRectangle box = pdf.getPage(page - 1).getCropBox();
            float scale = Math.min(DPI / 72f, MAX_PIXELS / Math.max(1f, Math.max(box.getWidth(), box.getHeight())));
            BufferedImage image = new PDFRenderer(pdf).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof OutcomeException o) {
                throw o;
            }
            LOG.infof("No preview of page %d of document %s: %s", page, documentId, e.getClass().getSimpleName());
            throw OutcomeException.notFound();
        }
    }
}
