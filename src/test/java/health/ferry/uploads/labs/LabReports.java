package health.ferry.uploads.labs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Lab reports generated with PDFBox (a text layer), in the three layouts Ferry reads; never corpus files. */
public final class LabReports {
    /** A cell of text at a column's x position. */
    public record Cell(float x, String text) {
    }

    private LabReports() {
    }

    /** Layout 1: a table with columns Test, Result, Units, Reference range, Flag; a second page of lipids. */
    public static List<List<List<Cell>>> table() {
        float[] x = {50, 220, 290, 370, 490};
        return List.of(List.of(
                row(x, "Springfield Clinical Laboratory"),
                row(x, "1200 Lab Way, Suite 5, Springfield, IL 62701"),
                row(x, "LABORATORY REPORT"),
                row(x, "Patient: Jordan Example     DOB: 01/02/1980"),
                row(x, "Specimen collected: 2024-03-12 08:15     Reported: 2024-03-13"),
                row(x, "Test", "Result", "Units", "Reference range", "Flag"),
                row(x, "Hemoglobin", "13.2", "g/dL", "12.0-16.0", ""),
                row(x, "WBC", "11.8", "K/uL", "4.0-11.0", "H"),
                row(x, "Platelets", "250", "x10^3/µL", "150-400", ""),
                row(x, "Sodium", "134", "mmol/L", "136-145", "L"),
                row(x, "Hemoglobin A1c", "5.6", "%", "4.0-5.6", ""),
                row(x, "Comments: specimen slightly hemolyzed.")), List.of(
                row(x, "LABORATORY REPORT (continued)"),
                row(x, "Test", "Result", "Units", "Reference range", "Flag"),
                row(x, "Total Cholesterol", "212", "mg/dL", "<200", "H"),
                row(x, "HDL Cholesterol", "52", "mg/dL", ">40", ""),
                row(x, "TSH", "2.10", "mIU/L", "0.40-4.50", ""),
                row(x, "Page 2 of 2")));
    }

    /** Layout 2: "Name ..... value unit (low-high)" dotted lines. */
    public static List<List<List<Cell>>> dotted() {
        return List.of(List.of(
                line("Laboratory Report - Basic Metabolic Panel"),
                line("Collected on March 12, 2024"),
                line("Glucose .................. 95 mg/dL (70-99)"),
                line("Creatinine ............... 1.31 mg/dL (0.60-1.20) H"),
                line("Potassium ................ 4.1 mmol/L (3.5-5.1)"),
                line("Calcium .................. 9.4 mg/dL (8.6-10.3)"),
                line("Ferritin ................. 18 ng/mL (30-400) L"),
                line("Vitamin D, 25-Hydroxy .... 31 ng/mL (30-100)"),
                line("INR ...................... 1.1 (0.8-1.2)"),
                line("Results reviewed by Dr. Example. Call 555-0100 with questions.")));
    }

    /** Layout 3: two columns of results on each line, wide OCR-like spacing and OCR's spellings. */
    public static List<List<List<Cell>>> twoColumns() {
        return List.of(List.of(
                line("LAB RESULTS    Date reported: 03/14/2024"),
                cells(new Cell(50, "Sodium     140   mmol/L   136 - 145"),
                        new Cell(320, "Chloride     101   mmol/L   98 - 107")),
                cells(new Cell(50, "BUN     14   mg/dl   7 - 20"),
                        new Cell(320, "Creatinine     O.9   mg/dl   0.6 - 1.2")),
                cells(new Cell(50, "ALT     42   U/L   7 - 56"),
                        new Cell(320, "CRP     < 0.5   mg/L   < 5.0")),
                line("Urinalysis"),
                cells(new Cell(50, "Urine pH     6.0        5.0 - 8.0"),
                        new Cell(320, "Nitrite     Negative        Negative")),
                line("This report is confidential.")));
    }

    /** A PDF with a text layer: one entry of {@code pages} per page, one list of cells per line. */
    public static Path pdf(Path file, List<List<List<Cell>>> pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<List<Cell>> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = 740;
                    for (List<Cell> line : lines) {
                        for (Cell cell : line) {
                            content.beginText();
                            content.setFont(font, 10);
                            content.newLineAtOffset(cell.x(), y);
                            content.showText(cell.text());
                            content.endText();
                        }
                        y -= 16;
                    }
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** The lines of a layout as plain strings, for an image-only (scanned) version. */
    public static List<List<String>> plain(List<List<List<Cell>>> pages) {
        return pages.stream().map(lines -> lines.stream().map(cells -> String.join("      ", cells.stream()
                .map(Cell::text).filter(s -> !s.isEmpty()).toList())).toList()).toList();
    }

    private static List<Cell> row(float[] x, String... texts) {
        Cell[] cells = new Cell[texts.length];
        for (int i = 0; i < texts.length; i++) {
            cells[i] = new Cell(x[i], texts[i]);
        }
        return List.of(cells).stream().filter(c -> !c.text().isEmpty()).toList();
    }

    private static List<Cell> line(String text) {
        return List.of(new Cell(50, text));
    }

    private static List<Cell> cells(Cell... cells) {
        return List.of(cells);
    }
}
