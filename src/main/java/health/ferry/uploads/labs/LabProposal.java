package health.ferry.uploads.labs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One lab result as read from a report's text, for a coordinator to confirm: everything as printed, and what Ferry
 * made of it. Nothing is repaired silently: a value that is not a plain number as printed (OCR's "O.9" for 0.9)
 * keeps its text and has no {@code number}, so a person has to correct it.
 *
 * @param test       the test's name as printed
 * @param loinc      the LOINC code its name maps to ({@link LabTables}), or null
 * @param value      the value as printed ("13.2", "<0.5", "Negative", "O.9")
 * @param number     the value as a number when it is one as printed, else null
 * @param comparator {@code <}, {@code <=}, {@code >=}, {@code >} printed before the number, or null
 * @param unit       the unit as printed, or null
 * @param ucum       the unit's UCUM code when the spelling is known, or null
 * @param range      the reference range as printed ("12.0-16.0", "<200", "Negative"), or null
 * @param low        its lower bound when printed as a number, or null
 * @param high       its upper bound when printed as a number, or null
 * @param flag       H, L, HH, LL or A when printed beside the value, or null
 * @param date       the specimen's collection date from the document (else the report date), or null
 * @param page       the page (1-based) the result was found on
 */
public record LabProposal(String test, String loinc, String value, BigDecimal number, String comparator, String unit,
        String ucum, String range, BigDecimal low, BigDecimal high, String flag, LocalDate date, int page) {
}
