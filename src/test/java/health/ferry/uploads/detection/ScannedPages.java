package health.ferry.uploads.detection;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Test fixtures that look like scanned paper: lines of text drawn into an image with the JDK (headless), written
 * as PNG or TIFF, or placed as the only content of PDF pages with PDFBox (no text layer at all).
 */
public final class ScannedPages {
    private ScannedPages() {
    }

    /** A white page image (about A4 at 100 dpi, large print) with {@code lines} in black. */
    public static BufferedImage page(List<String> lines) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            int y = 120;
            for (String line : lines) {
                g.drawString(line, 90, y);
                y += 60;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** {@code lines} as an image file; {@code format} is an ImageIO writer name such as {@code png} or {@code tiff}. */
    public static Path image(Path file, String format, List<String> lines) throws IOException {
        if (!ImageIO.write(page(lines), format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    /** A PDF with one image-only page per entry of {@code pages}: a scan without a text layer. */
    public static Path pdf(Path file, List<List<String>> pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(document, page(lines));
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** A lab report as it might come back from a scanner. */
    public static List<String> labReport() {
        return List.of("LABORATORY REPORT", "Patient: Jane Sample   Specimen collected: 2024-03-12",
                "Test Name          Result   Units    Reference Range", "Hemoglobin         13.5     g/dL     12.0-16.0",
                "Glucose            95       mg/dL    70-99", "Potassium          4.1      mmol/L   3.5-5.1");
    }
}
