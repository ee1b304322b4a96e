package health.ferry.uploads.structured;

import health.ferry.uploads.classification.XmlTree;
import health.ferry.uploads.classification.XmlTree.Node;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps the entries of a C-CDA document's sections to FHIR R4 resources: problems → Condition, allergies →
 * AllergyIntolerance, medications → MedicationStatement, immunizations → Immunization, results and vital signs →
 * Observation (one per result or vital sign, with its value and unit), procedures → Procedure, encounters →
 * Encounter. Sections are recognised by their LOINC code wherever they sit (documents and fragments). Each resource
 * keeps the coded value (system, code, display, translations), dates, status and values with units. An entry that
 * cannot be read is counted in a note and skipped; it never stops the rest.
 */
final class CdaRecords {
    /** Section kinds by section LOINC code. */
    enum Section {
        PROBLEMS("Problems"), ALLERGIES("Allergies"), MEDICATIONS("Medications"), IMMUNIZATIONS("Immunizations"),
        RESULTS("Results"), VITAL_SIGNS("Vital signs"), PROCEDURES("Procedures"), ENCOUNTERS("Encounters");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    static final Map<String, Section> SECTIONS = Map.ofEntries(
            Map.entry("11450-4", Section.PROBLEMS), Map.entry("11348-0", Section.PROBLEMS),
            Map.entry("48765-2", Section.ALLERGIES),
            Map.entry("10160-0", Section.MEDICATIONS), Map.entry("29549-3", Section.MEDICATIONS),
            Map.entry("10183-2", Section.MEDICATIONS),
            Map.entry("11369-6", Section.IMMUNIZATIONS),
            Map.entry("30954-2", Section.RESULTS),
            Map.entry("8716-3", Section.VITAL_SIGNS),
            Map.entry("47519-4", Section.PROCEDURES),
            Map.entry("46240-8", Section.ENCOUNTERS));
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String UCUM = "http://unitsofmeasure.org";

    private final String seed;
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, int[]> unread = new LinkedHashMap<>();
    private int sectionIndex;

    private CdaRecords(String seed) {
        this.seed = seed;
    }

    /** The records of a parsed C-CDA document; {@code seed} makes the resource ids stable for this document. */
    static DocumentRecords read(XmlTree.Result tree, String seed) {
        CdaRecords reader = new CdaRecords(seed);
        List<String> notes = new ArrayList<>();
        if (tree.root() != null) {
            reader.walk(tree.root());
        }
        reader.unread.forEach((section, counts) -> notes.add(section + ": " + counts[0] + (counts[0] == 1
                ? " entry" : " entries") + " could not be read" + (counts[1] > 0 ? " (" + counts[1] + " without a code)"
                        : "") + "."));
        if (tree.problem() != null) {
            notes.add("The document could not be read to its end (" + tree.problem() + "); records before that point"
                    + " were kept.");
        }
        return new DocumentRecords(reader.resources, notes);
    }

    private void walk(Node node) {
        if ("section".equals(node.name())) {
            Node code = node.child("code");
            Section section = code == null ? null : SECTIONS.get(code.attribute("code"));
            if (section != null) {
                section(section, code.attribute("code"), node, sectionIndex++);
            }
        }
        for (Node child : node.children()) {
            if (!"entry".equals(child.name()) || !"section".equals(node.name())) {
                walk(child);
            }
        }
    }

    private void section(Section section, String loinc, Node node, int index) {
        List<Node> entries = node.children("entry");
        for (int e = 0; e < entries.size(); e++) {
            Node statement = entries.get(e).children().isEmpty() ? null : entries.get(e).children().get(0);
            String path = index + "/" + e;
            int before = resources.size();
            try {
                if (statement == null) {
                    throw new Unreadable(false);
                }
                entry(section, statement, path);
                if (resources.size() == before) {
                    throw new Unreadable(true);
                }
            } catch (Unreadable u) {
                count(section, loinc, u.noCode);
            } catch (RuntimeException ex) {
                while (resources.size() > before) {
                    resources.remove(resources.size() - 1);
                }
                count(section, loinc, false);
            }
        }
    }

    private void count(Section section, String loinc, boolean noCode) {
        int[] counts = unread.computeIfAbsent(section.title + " (" + loinc + ")", k -> new int[2]);
        counts[0]++;
        if (noCode) {
            counts[1]++;
        }
    }

    private void entry(Section section, Node statement, String path) {
        switch (section) {
            case PROBLEMS -> each(statement, "observation", path, this::condition);
            case ALLERGIES -> each(statement, "observation", path, this::allergy);
            case MEDICATIONS -> each(statement, "substanceAdministration", path, this::medication);
            case IMMUNIZATIONS -> each(statement, "substanceAdministration", path, this::immunization);
            case RESULTS -> observations(statement, path, "laboratory", "Laboratory");
            case VITAL_SIGNS -> observations(statement, path, "vital-signs", "Vital Signs");
            case PROCEDURES -> procedure(statement, path);
            case ENCOUNTERS -> encounter(statement, path);
        }
    }

    private interface Mapper {
        void map(Node statement, Node concern, String path);
    }

    /** The statement itself when it has that name, else each one wrapped in its act (a concern). */
    private void each(Node statement, String name, String path, Mapper mapper) {
        if (name.equals(statement.name())) {
            mapper.map(statement, null, path);
            return;
        }
        List<Node> inner = new ArrayList<>();
        for (Node relationship : statement.children("entryRelationship")) {
            inner.addAll(relationship.children(name));
        }
        for (int i = 0; i < inner.size(); i++) {
            mapper.map(inner.get(i), statement, path + "/" + i);
        }
    }

    private void condition(Node observation, Node concern, String path) {
        CodeableConcept code = CdaCodes.concept(observation.child("value"));
        if (code == null) {
            return;
        }
        Condition condition = new Condition();
        condition.setId(id("Condition", path));
        condition.setCode(code);
        condition.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")));
        Node time = observation.child("effectiveTime");
        DateTimeType onset = CdaTimes.start(time);
        if (onset != null) {
            condition.setOnset(onset);
        }
        Period period = CdaTimes.period(time);
        boolean ended = period != null && period.hasEnd();
        if (ended) {
            condition.setAbatement(period.getEndElement());
        }
        String status = status(concern != null ? concern : observation);
        String clinical = ended || "completed".equals(status) ? "resolved"
                : "suspended".equals(status) || "aborted".equals(status) ? "inactive" : "active";
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", clinical, null)));
        if ("true".equals(observation.attribute("negationInd"))) {
            condition.setVerificationStatus(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted", null)));
        }
        resources.add(condition);
    }

    private void allergy(Node observation, Node concern, String path) {
        Node substance = observation.path("participant", "participantRole", "playingEntity", "code");
        CodeableConcept code = CdaCodes.concept(substance);
        CodeableConcept kind = CdaCodes.concept(observation.child("value"));
        if (code == null) {
            code = kind;
        }
        if (code == null) {
            return;
        }
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setId(id("AllergyIntolerance", path));
        allergy.setCode(code);
        String kindCode = kind == null || !kind.hasCoding() ? "" : kind.getCodingFirstRep().getCode();
        switch (kindCode) {
            case "414285001", "235719002" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.FOOD);
            case "416098002", "59037007", "419511003" ->
                    allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
            case "426232007" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT);
            default -> {
            }
        }
        DateTimeType onset = CdaTimes.start(observation.child("effectiveTime"));
        if (onset != null) {
            allergy.setOnset(onset);
        }
        String status = status(concern != null ? concern : observation);
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                "completed".equals(status) ? "resolved" : "suspended".equals(status) ? "inactive" : "active", null)));
        boolean negated = "true".equals(observation.attribute("negationInd"));
        allergy.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                negated ? "refuted" : "confirmed", null)));
        for (Node relationship : observation.children("entryRelationship")) {
            Node reaction = relationship.child("observation");
            CodeableConcept manifestation = reaction == null ? null : CdaCodes.concept(reaction.child("value"));
            if (manifestation != null && "MFST".equals(relationship.attribute("typeCode"))) {
                allergy.addReaction().addManifestation(manifestation);
            }
        }
        resources.add(allergy);
    }

    private void medication(Node administration, Node concern, String path) {
        CodeableConcept code = CdaCodes.concept(administration.path("consumable", "manufacturedProduct",
                "manufacturedMaterial", "code"));
        if (code == null) {
            return;
        }
        MedicationStatement statement = new MedicationStatement();
        statement.setId(id("MedicationStatement", path));
        statement.setMedication(code);
        boolean negated = "true".equals(administration.attribute("negationInd"));
        statement.setStatus(negated ? MedicationStatement.MedicationStatementStatus.NOTTAKEN
                : switch (status(administration)) {
                    case "active" -> MedicationStatement.MedicationStatementStatus.ACTIVE;
                    case "completed" -> MedicationStatement.MedicationStatementStatus.COMPLETED;
                    case "aborted" -> MedicationStatement.MedicationStatementStatus.STOPPED;
                    case "suspended" -> MedicationStatement.MedicationStatementStatus.ONHOLD;
                    case "cancelled" -> MedicationStatement.MedicationStatementStatus.NOTTAKEN;
                    default -> MedicationStatement.MedicationStatementStatus.UNKNOWN;
                });
        Period period = CdaTimes.period(CdaTimes.effective(administration));
        if (period != null) {
            statement.setEffective(period);
        }
        Dosage dosage = new Dosage();
        Quantity dose = quantity(administration.child("doseQuantity"));
        if (dose != null) {
            dosage.addDoseAndRate().setDose(dose);
        }
        CodeableConcept route = CdaCodes.concept(administration.child("routeCode"));
        if (route != null) {
            dosage.setRoute(route);
        }
        if (!dosage.isEmpty()) {
            statement.addDosage(dosage);
        }
        resources.add(statement);
    }

    private void immunization(Node administration, Node concern, String path) {
        Node material = administration.path("consumable", "manufacturedProduct", "manufacturedMaterial");
        CodeableConcept code = material == null ? null : CdaCodes.concept(material.child("code"));
        if (code == null) {
            return;
        }
        Immunization immunization = new Immunization();
        immunization.setId(id("Immunization", path));
        immunization.setVaccineCode(code);
        boolean refused = "true".equals(administration.attribute("negationInd"))
                || "aborted".equals(status(administration)) || "cancelled".equals(status(administration));
        immunization.setStatus(refused ? Immunization.ImmunizationStatus.NOTDONE
                : Immunization.ImmunizationStatus.COMPLETED);
        DateTimeType when = CdaTimes.start(CdaTimes.effective(administration));
        if (when != null) {
            immunization.setOccurrence(when);
        }
        Quantity dose = quantity(administration.child("doseQuantity"));
        if (dose != null) {
            immunization.setDoseQuantity(dose);
        }
        Node lot = material.child("lotNumberText");
        if (lot != null && !lot.text().isEmpty()) {
            immunization.setLotNumber(lot.text());
        }
        CodeableConcept route = CdaCodes.concept(administration.child("routeCode"));
        if (route != null) {
            immunization.setRoute(route);
        }
        resources.add(immunization);
    }

    /** A result or vital-sign organizer's component observations, or a lone observation. */
    private void observations(Node statement, String path, String category, String categoryDisplay) {
        if ("observation".equals(statement.name())) {
            observation(statement, null, path, category, categoryDisplay);
            return;
        }
        List<Node> components = statement.children("component");
        DateTimeType organizerTime = CdaTimes.start(statement.child("effectiveTime"));
        for (int i = 0; i < components.size(); i++) {
            Node observation = components.get(i).child("observation");
            if (observation != null) {
                observation(observation, organizerTime, path + "/" + i, category, categoryDisplay);
            }
        }
    }

    private void observation(Node node, DateTimeType fallbackTime, String path, String category,
            String categoryDisplay) {
        CodeableConcept code = CdaCodes.concept(node.child("code"));
        if (code == null) {
            return;
        }
        Observation observation = new Observation();
        observation.setId(id("Observation", path));
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, category, categoryDisplay)));
        observation.setCode(code);
        observation.setStatus(switch (status(node)) {
            case "completed" -> Observation.ObservationStatus.FINAL;
            case "active" -> Observation.ObservationStatus.PRELIMINARY;
            case "aborted", "cancelled" -> Observation.ObservationStatus.CANCELLED;
            default -> Observation.ObservationStatus.UNKNOWN;
        });
        DateTimeType when = CdaTimes.start(node.child("effectiveTime"));
        if (when == null) {
            when = fallbackTime;
        }
        if (when != null) {
            observation.setEffective(when.copy());
        }
        value(observation, node.child("value"));
        CodeableConcept interpretation = CdaCodes.concept(node.child("interpretationCode"));
        if (interpretation != null) {
            observation.addInterpretation(interpretation);
        }
        for (Node range : node.children("referenceRange")) {
            Node value = range.path("observationRange", "value");
            if (value != null) {
                Quantity low = quantity(value.child("low"));
                Quantity high = quantity(value.child("high"));
                if (low != null || high != null) {
                    Observation.ObservationReferenceRangeComponent r = observation.addReferenceRange();
                    if (low != null) {
                        r.setLow(low);
                    }
                    if (high != null) {
                        r.setHigh(high);
                    }
                }
            }
        }
        resources.add(observation);
    }

    private static void value(Observation observation, Node value) {
        if (value == null || value.attribute("nullFlavor") != null) {
            return;
        }
        String type = value.attribute("type");
        type = type == null ? "" : type.substring(type.indexOf(':') + 1).toUpperCase(Locale.ROOT);
        switch (type) {
            case "PQ", "REAL" -> {
                Quantity q = quantity(value);
                if (q != null) {
                    observation.setValue(q);
                }
            }
            case "INT" -> {
                try {
                    observation.setValue(new IntegerType(Integer.parseInt(value.attribute("value").strip())));
                } catch (RuntimeException e) {
                    // not a number: no value
                }
            }
            case "BL" -> {
                if (value.attribute("value") != null) {
                    observation.setValue(new BooleanType("true".equals(value.attribute("value"))));
                }
            }
            case "ST", "ED" -> {
                if (!value.text().isEmpty()) {
                    observation.setValue(new StringType(value.text()));
                }
            }
            default -> {
                CodeableConcept concept = CdaCodes.concept(value);
                if (concept != null) {
                    observation.setValue(concept);
                }
            }
        }
    }

    private void procedure(Node statement, String path) {
        CodeableConcept code = CdaCodes.concept(statement.child("code"));
        if (code == null) {
            return;
        }
        Procedure procedure = new Procedure();
        procedure.setId(id("Procedure", path));
        procedure.setCode(code);
        procedure.setStatus(switch (status(statement)) {
            case "completed" -> Procedure.ProcedureStatus.COMPLETED;
            case "active" -> Procedure.ProcedureStatus.INPROGRESS;
            case "aborted" -> Procedure.ProcedureStatus.STOPPED;
            case "cancelled" -> Procedure.ProcedureStatus.NOTDONE;
            case "new" -> Procedure.ProcedureStatus.PREPARATION;
            default -> Procedure.ProcedureStatus.UNKNOWN;
        });
        Node time = statement.child("effectiveTime");
        DateTimeType at = time == null ? null : CdaTimes.dateTime(time.attribute("value"));
        Period period = CdaTimes.period(time);
        if (at != null) {
            procedure.setPerformed(at);
        } else if (period != null) {
            procedure.setPerformed(period);
        }
        resources.add(procedure);
    }

    private void encounter(Node statement, String path) {
        CodeableConcept code = CdaCodes.concept(statement.child("code"));
        if (code == null) {
            return;
        }
        Encounter encounter = new Encounter();
        encounter.setId(id("Encounter", path));
        encounter.addType(code);
        for (Coding coding : code.getCoding()) {
            if ("http://terminology.hl7.org/CodeSystem/v3-ActCode".equals(coding.getSystem())) {
                encounter.setClass_(coding.copy());
            }
        }
        encounter.setStatus(switch (status(statement)) {
            case "completed" -> Encounter.EncounterStatus.FINISHED;
            case "active" -> Encounter.EncounterStatus.INPROGRESS;
            case "cancelled", "aborted" -> Encounter.EncounterStatus.CANCELLED;
            default -> Encounter.EncounterStatus.UNKNOWN;
        });
        Period period = CdaTimes.period(statement.child("effectiveTime"));
        if (period != null) {
            encounter.setPeriod(period);
        }
        resources.add(encounter);
    }

    /** A PQ (value and unit) as a Quantity with its UCUM unit; null without a number. */
    private static Quantity quantity(Node pq) {
        if (pq == null || pq.attribute("value") == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(pq.attribute("value").strip());
        } catch (NumberFormatException e) {
            return null;
        }
        Quantity quantity = new Quantity().setValue(number);
        String unit = pq.attribute("unit");
        if (unit != null && !unit.isBlank() && !"1".equals(unit)) {
            quantity.setUnit(unit).setSystem(UCUM).setCode(unit);
        }
        return quantity;
    }

    private static String status(Node statement) {
        Node status = statement == null ? null : statement.child("statusCode");
        String code = status == null ? null : status.attribute("code");
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    }

    private String id(String type, String path) {
        return UUID.nameUUIDFromBytes((seed + "|" + type + "|" + path).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An entry that yields nothing: no statement at all, or none with a code. */
    private static final class Unreadable extends RuntimeException {
        final boolean noCode;

        Unreadable(boolean noCode) {
            super(null, null, false, false);
            this.noCode = noCode;
        }
    }
}
