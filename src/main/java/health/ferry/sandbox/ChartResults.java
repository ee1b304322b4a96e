package health.ferry.sandbox;

import static health.ferry.sandbox.Chart.dateTime;
import static health.ferry.sandbox.Vocabulary.concept;

import health.ferry.sandbox.Vocabulary.Code;
import health.ferry.sandbox.Vocabulary.Measure;
import health.ferry.sandbox.Vocabulary.Panel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Builds the chart's results: vital signs, lab results and their reports, and clinical notes with their text. */
final class ChartResults {
    static final String OBSERVATION_CATEGORY = ChartEntries.TERMINOLOGY + "observation-category";
    static final CodeableConcept VITAL_SIGNS = concept(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs");
    static final CodeableConcept LABORATORY = concept(OBSERVATION_CATEGORY, "laboratory", "Laboratory");

    private final Chart chart;
    private final String fhirBase;

    ChartResults(Chart chart, String fhirBase) {
        this.chart = chart;
        this.fhirBase = fhirBase;
    }

    /** A measurement drawn from the measure's usual range. */
    Observation measured(Measure measure, boolean lab, Encounter visit) {
        double value = measure.low() + chart.random().nextDouble() * (measure.high() - measure.low());
        return observation(measure.code(), value, measure.unit(), measure.decimals(), lab, visit);
    }

    Observation observation(Code code, double value, String unit, int decimals, boolean lab, Encounter visit) {
        Observation o = base(code, lab, visit);
        o.setValue(quantity(value, unit, decimals));
        return chart.add(o, o.getIssued().toInstant());
    }

    Observation bloodPressure(int systolic, int diastolic, Encounter visit) {
        Observation o = base(Vocabulary.BLOOD_PRESSURE, false, visit);
        o.addComponent().setCode(concept(Vocabulary.SYSTOLIC)).setValue(quantity(systolic, "mm[Hg]", 0));
        o.addComponent().setCode(concept(Vocabulary.DIASTOLIC)).setValue(quantity(diastolic, "mm[Hg]", 0));
        return chart.add(o, o.getIssued().toInstant());
    }

    /** A lab panel: one result per measure and the report that lists them. */
    DiagnosticReport panel(Panel panel, Encounter visit) {
        List<Observation> results = panel.results().stream().map(m -> measured(m, true, visit)).toList();
        DiagnosticReport report = new DiagnosticReport();
        Instant issued = results.get(0).getIssued().toInstant();
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addCategory(concept(ChartEntries.TERMINOLOGY + "v2-0074", "LAB", "Laboratory"));
        report.setCode(concept(panel.code()));
        report.setSubject(chart.patient());
        report.setEncounter(Chart.reference(visit));
        report.setEffective(results.get(0).getEffective());
        report.setIssued(Date.from(issued));
        report.addPerformer(new Reference().setDisplay(ChartEntries.ORGANIZATION + " Laboratory"));
        results.forEach(r -> report.addResult(Chart.reference(r).setDisplay(r.getCode().getText())));
        return chart.add(report, issued);
    }

    /** A clinical note: its text as a Binary, and a DocumentReference whose attachment points at it. */
    DocumentReference note(Code type, Encounter visit, String text) {
        Instant when = visit.getPeriod().getEnd().toInstant();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Binary binary = chart.addBinary(new Binary().setContentType("text/plain").setData(bytes), when);
        DocumentReference d = new DocumentReference();
        d.setStatus(DocumentReferenceStatus.CURRENT);
        d.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        d.setType(concept(type));
        d.addCategory(concept("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                "clinical-note", "Clinical Note"));
        d.setSubject(chart.patient());
        d.setDate(Date.from(when));
        d.addAuthor(ChartEntries.clinician());
        d.setDescription(type.display());
        d.addContent().setAttachment(new Attachment().setContentType("text/plain").setLanguage("en")
                .setUrl(fhirBase + "/Binary/" + binary.getIdPart()).setSize(bytes.length)
                .setTitle(type.display()).setCreationElement(dateTime(when)))
                .setFormat(new Coding("http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
                        "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient"));
        d.getContext().addEncounter(Chart.reference(visit)).setPeriod(visit.getPeriod());
        return chart.add(d, when);
    }

    private Observation base(Code code, boolean lab, Encounter visit) {
        Instant taken = visit.getPeriod().getStart().toInstant().plus(Duration.ofMinutes(5));
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(lab ? LABORATORY.copy() : VITAL_SIGNS.copy());
        o.setCode(concept(code));
        o.setSubject(chart.patient());
        o.setEncounter(Chart.reference(visit));
        o.setEffective(dateTime(taken));
        o.setIssued(Date.from(lab ? taken.plus(Duration.ofHours(4)) : taken));
        return o;
    }

    private static Quantity quantity(double value, String unit, int decimals) {
        return new Quantity().setValue(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP))
                .setUnit(unit).setSystem(Vocabulary.UCUM).setCode(unit);
    }
}
