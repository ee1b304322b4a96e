package health.ferry.uploads.labs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * A confirmed lab result as a FHIR R4 Observation: category laboratory, the test's name as printed in
 * {@code code.text} with its LOINC coding when there is one, the value as a UCUM {@code valueQuantity} (a word such as
 * "Negative" as {@code valueCodeableConcept.text}), the reference range, the date as {@code effectiveDateTime} and
 * the flag as {@code interpretation}, the subject {@code Patient/<person id>}. Provenance: {@code meta.source} names the document ({@code urn:uuid:<id>}), as
 * for every record read from an upload, and the extension {@link #SOURCE_PAGE} holds the document's name and the
 * page the result was read from.
 */
public final class LabObservation {
    /** Where a result was read: sub-extensions {@code document} (valueString, the name) and {@code page}. */
    public static final String SOURCE_PAGE = "https://ferry.health/fhir/StructureDefinition/source-page";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private static final Map<String, String> FLAG_WORDS = Map.of("H", "High", "L", "Low", "HH", "Critical high",
            "LL", "Critical low", "A", "Abnormal", "N", "Normal");

    private LabObservation() {
    }

    /** The record's FHIR id: stable per upload, document and position, so building it again changes nothing. */
    public static String id(UUID uploadId, UUID documentId, int position) {
        return UUID.nameUUIDFromBytes(("lab-result/" + uploadId + "/" + documentId + "/" + position)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The Observation of decided fields ({@link LabFields} names to the values {@link LabFields#check} accepted;
     * null or absent for none). Test and value are required.
     */
    public static Observation build(String id, Map<String, String> fields, UUID personId, UUID documentId,
            String documentName, int page) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/" + personId)); // a study's export points it at the pseudonym
        o.getMeta().setSource("urn:uuid:" + documentId);
        o.addCategory().addCoding(new Coding(CATEGORY, "laboratory", "Laboratory"));
        CodeableConcept code = new CodeableConcept().setText(fields.get(LabFields.TEST));
        String loinc = fields.get(LabFields.CODE);
        if (loinc != null) {
            code.addCoding(new Coding(LabTables.LOINC, loinc, LabTables.get().byCode(loinc)
                    .map(LabTables.Test::display).orElse(null)));
        }
        o.setCode(code);
        String unit = fields.get(LabFields.UNIT);
        Matcher number = LabFields.NUMBER.matcher(fields.get(LabFields.VALUE));
        if (number.matches()) {
            Quantity q = quantity(new Quantity(), new BigDecimal(number.group(2)), unit);
            if (number.group(1) != null) {
                q.setComparator(Quantity.QuantityComparator.fromCode(number.group(1)));
            }
            o.setValue(q);
        } else {
            o.setValue(new CodeableConcept().setText(fields.get(LabFields.VALUE)));
        }
        String range = fields.get(LabFields.RANGE);
        if (range != null) {
            Observation.ObservationReferenceRangeComponent r = o.addReferenceRange().setText(range);
            Matcher interval = LabFields.INTERVAL.matcher(range);
            Matcher bound = LabFields.NUMBER.matcher(range);
            if (interval.matches()) {
                r.setLow(quantity(new SimpleQuantity(), new BigDecimal(interval.group(1)), unit));
                r.setHigh(quantity(new SimpleQuantity(), new BigDecimal(interval.group(2)), unit));
            } else if (bound.matches() && bound.group(1) != null) {
                SimpleQuantity limit = quantity(new SimpleQuantity(), new BigDecimal(bound.group(2)), unit);
                if (bound.group(1).startsWith("<")) {
                    r.setHigh(limit);
                } else {
                    r.setLow(limit);
                }
            }
        }
        String date = fields.get(LabFields.DATE);
        if (date != null) {
            o.setEffective(new DateTimeType(date));
        }
        String flag = fields.get(LabFields.FLAG);
        if (flag != null) {
            o.addInterpretation().addCoding(new Coding(INTERPRETATION, flag, FLAG_WORDS.get(flag)));
        }
        Extension source = o.addExtension().setUrl(SOURCE_PAGE);
        source.addExtension("document", new StringType(documentName));
        source.addExtension("page", new IntegerType(page));
        return o;
    }

    private static <Q extends Quantity> Q quantity(Q q, BigDecimal value, String ucum) {
        q.setValue(value);
        if (ucum != null) {
            q.setUnit(ucum).setSystem(LabTables.UCUM).setCode(ucum);
        }
        return q;
    }
}
