package health.ferry.uploads.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionSettings;
import health.ferry.uploads.detection.OcrSettings;
import health.ferry.uploads.detection.OcrStatus;
import health.ferry.uploads.detection.ScannedPages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab values read from generated lab reports of three layouts, through the real extraction worker (PDF text layer,
 * and OCR of an image-only PDF where Tesseract is installed): every value, unit and range right; nothing from
 * lines that are not results.
 */
class LabValuesTest {
    static DocumentExtractor extractor;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(ExtractionSettings.defaults().withParallelism(1));
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    /** Each proposal in one line: test|loinc|value|number|comparator|unit|ucum|range|low|high|flag|date|page. */
    static List<String> rows(List<LabProposal> found) {
        return found.stream().map(p -> String.join("|", s(p.test()), s(p.loinc()), s(p.value()), s(p.number()),
                s(p.comparator()), s(p.unit()), s(p.ucum()), s(p.range()), s(p.low()), s(p.high()), s(p.flag()),
                s(p.date()), String.valueOf(p.page()))).collect(Collectors.toList());
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    /** The layout as a PDF, read by the worker, then by {@link LabValues}: exactly {@code expected}. */
    private void assertRead(String name, List<List<List<LabReports.Cell>>> layout, List<String> expected)
            throws Exception {
        String text = extractor.extract(LabReports.pdf(dir.resolve(name), layout)).text();
        assertEquals(expected, rows(LabValues.read(text)), text);
    }

    @Test
    void tableLayoutAcrossTwoPages() throws Exception {
        assertRead("table.pdf", LabReports.table(), List.of(
                "Hemoglobin|718-7|13.2|13.2||g/dL|g/dL|12.0-16.0|12.0|16.0||2024-03-12|1",
                "WBC|6690-2|11.8|11.8||K/uL|10*3/uL|4.0-11.0|4.0|11.0|H|2024-03-12|1",
                "Platelets|777-3|250|250||x10^3/µL|10*3/uL|150-400|150|400||2024-03-12|1",
                "Sodium|2951-2|134|134||mmol/L|mmol/L|136-145|136|145|L|2024-03-12|1",
                "Hemoglobin A1c|4548-4|5.6|5.6||%|%|4.0-5.6|4.0|5.6||2024-03-12|1",
                "Total Cholesterol|2093-3|212|212||mg/dL|mg/dL|<200||200|H|2024-03-12|2",
                "HDL Cholesterol|2085-9|52|52||mg/dL|mg/dL|>40|40|||2024-03-12|2",
                "TSH|3016-3|2.10|2.10||mIU/L|m[IU]/L|0.40-4.50|0.40|4.50||2024-03-12|2"));
    }

    @Test
    void dottedLeaderLayout() throws Exception {
        assertRead("dotted.pdf", LabReports.dotted(), List.of(
                "Glucose|2345-7|95|95||mg/dL|mg/dL|70-99|70|99||2024-03-12|1",
                "Creatinine|2160-0|1.31|1.31||mg/dL|mg/dL|0.60-1.20|0.60|1.20|H|2024-03-12|1",
                "Potassium|2823-3|4.1|4.1||mmol/L|mmol/L|3.5-5.1|3.5|5.1||2024-03-12|1",
                "Calcium|17861-6|9.4|9.4||mg/dL|mg/dL|8.6-10.3|8.6|10.3||2024-03-12|1",
                "Ferritin|2276-4|18|18||ng/mL|ng/mL|30-400|30|400|L|2024-03-12|1",
                "Vitamin D, 25-Hydroxy|62292-8|31|31||ng/mL|ng/mL|30-100|30|100||2024-03-12|1",
                "INR|6301-6|1.1|1.1||||0.8-1.2|0.8|1.2||2024-03-12|1"));
    }

    @Test
    void twoColumnOcrLikeLayoutKeepsOcrNoiseAsPrinted() throws Exception {
        assertRead("columns.pdf", LabReports.twoColumns(), expectedTwoColumns());
    }

    static List<String> expectedTwoColumns() {
        return List.of(
                "Sodium|2951-2|140|140||mmol/L|mmol/L|136-145|136|145||2024-03-14|1",
                "Chloride|2075-0|101|101||mmol/L|mmol/L|98-107|98|107||2024-03-14|1",
                "BUN|3094-0|14|14||mg/dl|mg/dL|7-20|7|20||2024-03-14|1",
                // "O.9": OCR's letter O is kept as printed, never turned into 0.9: no number, a person corrects it
                "Creatinine|2160-0|O.9|||mg/dl|mg/dL|0.6-1.2|0.6|1.2||2024-03-14|1",
                "ALT|1742-6|42|42||U/L|U/L|7-56|7|56||2024-03-14|1",
                "CRP|1988-5|<0.5|0.5|<|mg/L|mg/L|<5.0||5.0||2024-03-14|1",
                "Urine pH|5803-2|6.0|6.0||||5.0-8.0|5.0|8.0||2024-03-14|1",
                "Nitrite|5802-4|Negative|||||Negative||||2024-03-14|1");
    }

    @Test
    void scannedDottedReportThroughOcr() throws Exception {
        Assumptions.assumeTrue(OcrSettings.defaults().tesseractInstalled(), "tesseract is not installed here");
        Path scan = ScannedPages.pdf(dir.resolve("scan.pdf"), LabReports.plain(LabReports.dotted()));
        Extraction x = extractor.extract(scan);
        assertEquals(OcrStatus.READ, x.ocr(), x.toString());
        List<LabProposal> found = LabValues.read(x.text());
        List<String> tests = found.stream().map(LabProposal::test).toList();
        assertTrue(tests.containsAll(List.of("Glucose", "Potassium", "Calcium", "Ferritin")), x.text());
        LabProposal glucose = found.get(tests.indexOf("Glucose"));
        assertEquals(new BigDecimal("95"), glucose.number(), x.text());
        assertEquals("mg/dL", glucose.ucum());
        assertEquals(new BigDecimal("70"), glucose.low());
    }

    @Test
    void ocrMisreadNamesAndLeadersStillGiveTheValueButNeverAGuessBetweenTests() {
        // As Tesseract read a dotted report: a misread name, leaders read as letters, a stray "0-" before the value.
        List<LabProposal> found = LabValues.read("GIUCOSE ...... ee eeeeee eee 95 mg/dL (70-99)\n"
                + "Calcium ...............0- 9.4 mg/dL (8.6-10.3)\nINR oo. eee cece eec eee e ee 1.1 (0.8-1.2)");
        assertEquals(List.of("Glucose|2345-7|95|95||mg/dL|mg/dL|70-99|70|99|||1",
                "Calcium|17861-6|9.4|9.4||mg/dL|mg/dL|8.6-10.3|8.6|10.3|||1"), rows(found).subList(0, 2));
        assertEquals("INR", found.get(2).test());
        assertEquals(new BigDecimal("1.1"), found.get(2).number());
        // A value of 0 is a value, not a leader.
        assertEquals(new BigDecimal("0"), LabValues.read("Glucose ...... 0 mg/dL (70-99)").get(0).number());
    }

    @Test
    void linesThatAreNotResultsYieldNothing() {
        List<String> noise = List.of("Springfield Clinical Laboratory", "1200 Lab Way, Suite 5, Springfield, IL 62701",
                "Patient: Jordan Example DOB: 01/02/1980", "Test Result Units Reference range Flag",
                "Specimen collected: 2024-03-12 08:15", "Page 2 of 2", "Phone 555 0100",
                "Note: Glucose 126 mg/dL or higher suggests diabetes", "Glucose 100 is borderline",
                "Fasting glucose should be below 100 mg/dL", "Sodium Potassium Chloride",
                "Reference range: 70-99", "Comments: specimen slightly hemolyzed.");
        assertEquals(List.of(), LabValues.read(String.join("\n", noise)));
    }

    @Test
    void unknownNamesNeedAKnownUnitAndARangeAndPagesFollowFormFeeds() {
        List<LabProposal> found = LabValues.read("Reported 2024-05-01\nLipase 40 U/L 13-60\nMystery 12\n\f\n"
                + "Albumin 4.1 g/dL 3.5-5.0   Zinc level 80 ug/dL 60-120");
        assertEquals(List.of("Lipase||40|40||U/L|U/L|13-60|13|60||2024-05-01|1",
                "Albumin|1751-7|4.1|4.1||g/dL|g/dL|3.5-5.0|3.5|5.0||2024-05-01|2",
                "Zinc level||80|80||ug/dL|ug/dL|60-120|60|120||2024-05-01|2"), rows(found));
    }

    @Test
    void aColumnThatIsNotAResultLeavesTheResultBesideIt() {
        assertEquals(List.of("Sodium|2951-2|140|140||mmol/L|mmol/L|136-145|136|145|||1"),
                rows(LabValues.read("Sodium 140 mmol/L 136-145      Comments: none")));
        assertEquals(List.of(), rows(LabValues.read("Sodium 140 mmol/L 136-145 see comment")));
    }

    @Test
    void datesInEveryPrintedForm() {
        assertEquals(LocalDate.of(2024, 1, 2), LabValues.date("Collected: 01/02/2024").orElseThrow());
        assertEquals(LocalDate.of(2024, 1, 2), LabValues.date("Date collected 02-Jan-2024").orElseThrow());
        assertEquals(LocalDate.of(2024, 1, 2), LabValues.date("Reported Jan 2, 2024\nDrawn 2024-01-02")
                .orElseThrow(), "collection before report");
        assertTrue(LabValues.date("Printed 2024-01-02").isEmpty());
    }

    @Test
    void everyTableNameIsFoundAndEveryUnitMapsToAUcumCode() {
        List<String> missed = new ArrayList<>();
        for (LabTables.Test test : LabTables.get().tests()) {
            for (String name : test.names()) {
                String value = test.presence() ? "Negative" : "1.0";
                List<LabProposal> found = LabValues.read(name + " " + value + " 0.5-2.0");
                if (found.size() != 1 || !name.equals(found.get(0).test()) || !java.util.Objects.equals(
                        test.loinc(), found.get(0).loinc())) {
                    missed.add(name + " -> " + rows(found));
                }
            }
        }
        assertEquals(List.of(), missed);
        assertEquals("10*3/uL", LabTables.get().ucum("K/uL").orElseThrow());
        assertEquals("mg/dL", LabTables.get().ucum("MG/DL").orElseThrow());
        assertNull(LabTables.get().ucum("furlongs").orElse(null));
        assertTrue(LabTables.get().tests().size() >= 40, "about forty common tests");
    }
}
