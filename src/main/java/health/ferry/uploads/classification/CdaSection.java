package health.ferry.uploads.classification;

/** One top-level section of a CDA document: its code (LOINC, or the code system's) and its title. */
public record CdaSection(String code, String title) {
}
