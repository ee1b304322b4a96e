package health.ferry.uploads;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents generated in test code (never copied from the corpus): PDFs, an encrypted DOCX, images, DICOM, mail. */
public final class DocumentFixtures {
    private DocumentFixtures() {
    }

    /** A PDF with one page per entry of {@code pages}, each line of text drawn with a standard font. */
    public static Path pdf(Path file, String... pages) throws IOException {
        try (PDDocument document = textDocument(pages)) {
            document.save(file.toFile());
        }
        return file;
    }

    /** A PDF that needs the user password "user" to open. */
    public static Path encryptedPdf(Path file, String text) throws IOException {
        try (PDDocument document = textDocument(text)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    /** A DOCX encrypted with a password (OLE2 EncryptedPackage, agile encryption). */
    public static Path encryptedDocx(Path file, String text) throws IOException, GeneralSecurityException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs); XWPFDocument docx = new XWPFDocument()) {
                docx.createParagraph().createRun().setText(text);
                docx.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** A PNG photo of text: what OCR would read, and what Ferry must not OCR. */
    public static Path pngWithText(Path file, String text) throws IOException {
        BufferedImage image = new BufferedImage(600, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 120);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString(text, 20, 70);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A DICOM Part 10 file whose 128-byte preamble starts with a TIFF header, as dual-personality files do. */
    public static Path dicom(Path file) throws IOException {
        byte[] bytes = new byte[200];
        bytes[0] = 'I';
        bytes[1] = 'I';
        bytes[2] = 0x2A;
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, bytes, 128, 4);
        return Files.write(file, bytes);
    }

    /** An e-mail with {@code attachments} small text attachments (embedded documents for Tika). */
    public static Path mailWithAttachments(Path file, int attachments) throws IOException {
        StringBuilder mail = new StringBuilder("From: clinic@example.org\r\nTo: patient@example.org\r\n"
                + "Subject: Results\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nYour results are attached.\r\n");
        for (int i = 1; i <= attachments; i++) {
            mail.append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"part")
                    .append(i).append(".txt\"\r\n\r\nattachment number ").append(i).append("\r\n");
        }
        mail.append("--b--\r\n");
        return Files.writeString(file, mail, StandardCharsets.US_ASCII);
    }

    private static PDDocument textDocument(String... pages) throws IOException {
        PDDocument document = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (String text : pages) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 11);
                content.newLineAtOffset(50, 720);
                for (String line : text.split("\n")) {
                    content.showText(line);
                    content.newLineAtOffset(0, -14);
                }
                content.endText();
            }
        }
        return document;
    }
}
