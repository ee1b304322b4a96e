package health.ferry.uploads;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A generated "download my record" export for the ingest benchmarks (nothing copied from the corpus): C-CDA CCDs
 * with long result and medication sections, text PDFs (lab reports, visit summaries), scanned PDFs (page photos),
 * JPEG and PNG photos, and plain-text notes, in a folder and as a ZIP of that folder. Of every 20 files: 6 photos,
 * 4 scanned PDFs, 3 C-CDA, 4 text PDFs, 3 notes. Larger targets scale the binary documents' size, not their count,
 * so the ZIP stays within the default 2,000-entry limit. Deterministic (seeded).
 */
final class IngestCorpus {
    private static final String[] TESTS = {"Hemoglobin", "Hematocrit", "WBC", "Platelets", "Sodium", "Potassium",
        "Chloride", "Creatinine", "Glucose", "ALT", "AST", "TSH", "LDL", "HDL", "Triglycerides", "HbA1c"};
    private static final String[] MEDS = {"Lisinopril 10 mg tablet", "Metformin 500 mg tablet",
        "Atorvastatin 20 mg tablet", "Levothyroxine 50 mcg tablet", "Amlodipine 5 mg tablet",
        "Omeprazole 20 mg capsule", "Sertraline 50 mg tablet", "Albuterol 90 mcg inhaler"};
    private static final String[] WORDS = ("patient reports mild pain since last visit no fever denies chest pain "
            + "shortness of breath follow up in two weeks continue current medication blood pressure well controlled "
            + "labs reviewed with patient diet and exercise counselling provided return if symptoms worsen").split(" ");

    private static final int POOL = 12;

    private final Random random = new Random(7);
    private final List<byte[]> photos = new ArrayList<>();
    private final List<byte[]> scans = new ArrayList<>();
    private final Path folder;
    private final double scale;
    private final ZipOutputStream zip;

    private IngestCorpus(Path folder, double scale, ZipOutputStream zip) {
        this.folder = folder;
        this.scale = scale;
        this.zip = zip;
    }

    /** Generates an export by hand: {@code IngestCorpus <folder> <zip bytes>}. */
    public static void main(String[] args) throws IOException {
        Export e = generate(Path.of(args[0]), Long.parseLong(args[1]));
        System.out.println(e.documents() + " documents, " + e.bytes() + " bytes, zip " + Files.size(e.zip()));
    }

    /**
     * The export's folder and its ZIP of about {@code zipBytes}, generated once under {@code dir} and reused by later
     * runs: files are zipped as they are made, until the ZIP reaches the size.
     */
    static Export generate(Path dir, long zipBytes) throws IOException {
        Path folder = dir.resolve("files");
        Path zip = dir.resolve("records.zip");
        if (!Files.exists(zip)) {
            deleteTree(dir);
            Files.createDirectories(folder);
            Path partial = dir.resolve("records.zip.part");
            try (CountingStream raw = new CountingStream(Files.newOutputStream(partial));
                    ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                IngestCorpus corpus = new IngestCorpus(folder, zipBytes / (100.0 * 1024 * 1024), out);
                for (int n = 0; raw.count < zipBytes; n++) {
                    corpus.next(n);
                    out.flush();
                }
            }
            Files.move(partial, zip);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.sorted().toList();
            long total = 0;
            for (Path f : list) {
                total += Files.size(f);
            }
            return new Export(folder, zip, list.size(), total);
        }
    }

    record Export(Path folder, Path zip, int documents, long bytes) {
    }

    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private void next(int n) throws IOException {
        String name = String.format(Locale.ROOT, "%04d", n);
        int slot = n % 20;
        if (slot < 6) {
            photo(name);
        } else if (slot < 10) {
            scannedPdf(name);
        } else if (slot < 13) {
            ccd(name);
        } else if (slot < 17) {
            textPdf(name);
        } else {
            note(name);
        }
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(folder.resolve(name), content);
        zip.putNextEntry(new ZipEntry("My Record/" + name));
        zip.write(content);
        zip.closeEntry();
    }

    private void photo(String name) throws IOException {
        boolean png = random.nextInt(5) == 0;
        if (png) {
            int side = (int) (350 * Math.sqrt(scale));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(noisy(side, side, "Photo " + name), "png", out);
            write("photo-" + name + ".png", out.toByteArray());
        } else {
            write("photo-" + name + ".jpg", unique(jpeg(photos, 700), "photo " + name));
        }
    }

    /**
     * One of a few noisy JPEGs of about {@code baseSide} × scale pixels: encoding fresh noise for every file made a
     * 1 GiB export take half an hour on two cores; files made from a pooled image differ by a JPEG comment.
     */
    private byte[] jpeg(List<byte[]> pool, int baseSide) throws IOException {
        if (pool.size() < POOL) {
            int side = (int) (baseSide * Math.sqrt(scale));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(noisy(side, side * 4 / 3, "Page " + pool.size()), "jpg", out);
            pool.add(out.toByteArray());
        }
        return pool.get(random.nextInt(pool.size()));
    }

    /** The JPEG with a comment segment (FF FE) right after its start marker, so no two files are the same. */
    private static byte[] unique(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((text.length + 2) >> 8);
        out.write((text.length + 2) & 0xFF);
        out.write(text, 0, text.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A page photo with text and sensor noise, so JPEG cannot shrink it to nothing. */
    private BufferedImage noisy(int width, int height, String caption) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = 200 + random.nextInt(56);
                row[x] = (v << 16) | ((v - random.nextInt(20)) << 8) | (v - random.nextInt(40));
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, width / 40)));
        for (int line = 1; line < 30; line++) {
            g.drawString(caption + " " + sentence(8), 20, line * height / 31);
        }
        g.dispose();
        return image;
    }

    private void scannedPdf(String name) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                PDImageXObject scan = JPEGFactory.createFromByteArray(pdf, unique(jpeg(scans, 650),
                        "scan " + name + " page " + p));
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(scan, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            write("scan-" + name + ".pdf", save(pdf));
        }
    }

    private void textPdf(String name) throws IOException {
        boolean lab = random.nextBoolean();
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0, pages = 2 + random.nextInt(10); p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(13);
                    content.newLineAtOffset(50, 740);
                    content.showText(lab ? "Laboratory Report" : "Visit Summary");
                    content.newLine();
                    content.showText(lab ? "Test Name  Result  Units  Reference Range" : "Reason for visit: follow up");
                    for (int line = 0; line < 50; line++) {
                        content.newLine();
                        content.showText(lab ? TESTS[random.nextInt(TESTS.length)] + "  " + (random.nextInt(900) / 10.0)
                                + "  mg/dL  " + random.nextInt(50) + "-" + (50 + random.nextInt(100)) : sentence(12));
                    }
                    content.endText();
                }
            }
            write((lab ? "lab-" : "visit-") + name + ".pdf", save(pdf));
        }
    }

    private static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }

    /** A C-CDA CCD (34133-9) with results, medications and problems: one to three hundred kB of XML. */
    private void ccd(String name) throws IOException {
        StringBuilder x = new StringBuilder(300_000);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n")
                .append("  <realmCode code=\"US\"/>\n  <templateId root=\"2.16.840.1.113883.10.20.22.1.1\"/>\n")
                .append("  <templateId root=\"2.16.840.1.113883.10.20.22.1.2\" extension=\"2015-08-01\"/>\n")
                .append("  <id root=\"2.16.840.1.113883.19\" extension=\"").append(name).append("\"/>\n")
                .append("  <code code=\"34133-9\" codeSystem=\"2.16.840.1.113883.6.1\" displayName=\"Summary of ")
                .append("episode note\"/>\n  <title>Continuity of Care Document</title>\n")
                .append("  <effectiveTime value=\"20240102080000\"/>\n  <component><structuredBody>\n");
        section(x, "30954-2", "Results", 300 + random.nextInt(400), i -> TESTS[i % TESTS.length] + " "
                + (random.nextInt(900) / 10.0));
        section(x, "10160-0", "Medications", 20 + random.nextInt(40), i -> MEDS[i % MEDS.length]);
        section(x, "11450-4", "Problems", 10 + random.nextInt(30), i -> "Problem " + sentence(3));
        x.append("  </structuredBody></component>\n</ClinicalDocument>\n");
        write("ccd-" + name + ".xml", x.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void section(StringBuilder x, String code, String title, int rows,
            java.util.function.IntFunction<String> row) {
        x.append("    <component><section><code code=\"").append(code)
                .append("\" codeSystem=\"2.16.840.1.113883.6.1\"/><title>").append(title).append("</title>\n")
                .append("      <text><table><tbody>\n");
        for (int i = 0; i < rows; i++) {
            x.append("        <tr><td ID=\"r").append(i).append("\">").append(row.apply(i))
                    .append("</td><td>2024-01-").append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
                    .append("</td></tr>\n");
        }
        x.append("      </tbody></table></text>\n");
        for (int i = 0; i < rows; i++) {
            x.append("      <entry><observation classCode=\"OBS\" moodCode=\"EVN\"><templateId root=")
                    .append("\"2.16.840.1.113883.10.20.22.4.2\"/><code code=\"").append(1000 + i)
                    .append("\" codeSystem=\"2.16.840.1.113883.6.1\"/><text><reference value=\"#r").append(i)
                    .append("\"/></text><value xsi:type=\"PQ\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                    .append(" value=\"").append(random.nextInt(200)).append("\" unit=\"mg/dL\"/></observation></entry>\n");
        }
        x.append("    </section></component>\n");
    }

    private void note(String name) throws IOException {
        StringBuilder text = new StringBuilder("Clinical note ").append(name).append("\n\n");
        for (int i = 0, lines = 300 + random.nextInt(900); i < lines; i++) {
            text.append(sentence(14)).append('\n');
        }
        write("note-" + name + ".txt", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
