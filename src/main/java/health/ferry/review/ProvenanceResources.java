package health.ferry.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.ferry.records.AcceptedRecords;
import health.ferry.records.RecordSources;

/**
 * One FHIR R4 Provenance per exported record (docs/coordinators.md, "Provenance"): {@code target} the record as the
 * study knows it (re-keyed, or the participant's pseudonym for the Patient), {@code recorded} when Ferry received
 * it, Ferry as the assembling agent, and an {@code entity} (role source) per source the study may see: a portal by
 * its directory name and the re-keyed connection, an upload made for the study by its re-keyed upload and document.
 * Never a portal URL, a participant's name, or an upload's file or entry names (a participant names those, and may
 * name them after themselves; docs/security.md).
 */
final class ProvenanceResources {
    static final String TYPE = "Provenance";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private ProvenanceResources() {
    }

    /** The Provenance of one exported record, as one compact line of JSON. */
    static String line(AcceptedRecords.SharedRecord record, String pseudonym, StudyIds.Keyed ids) {
        ObjectNode p = JSON.createObjectNode();
        p.put("resourceType", TYPE);
        p.put("id", ids.id(TYPE, record.resourceType() + "/" + record.resourceId()));
        boolean patient = "Patient".equals(record.resourceType());
        p.putArray("target").addObject().put("reference", record.resourceType() + "/"
                + (patient ? pseudonym : ids.id(record.resourceType(), record.resourceId())));
        p.put("recorded", record.received().toString());
        ObjectNode agent = p.putArray("agent").addObject();
        agent.putObject("type").putArray("coding").addObject().put("system", PARTICIPANT_TYPE)
                .put("code", "assembler").put("display", "Assembler");
        agent.putObject("who").put("display", "Ferry");
        ArrayNode entities = p.putArray("entity");
        for (RecordSources.Source s : record.sources()) {
            ObjectNode what = entities.addObject().put("role", "source").putObject("what");
            if (s.isConnection()) {
                what.putObject("identifier").put("system", "urn:ferry:connection")
                        .put("value", ids.id("Connection", s.id().toString()));
                what.put("display", "Patient portal: " + (s.portal() == null ? "unnamed" : s.portal()));
            } else if (s.document() != null) {
                what.putObject("identifier").put("system", "urn:ferry:upload-document")
                        .put("value", ids.id("UploadDocument", s.document().toString()));
                what.put("display", "A document in upload " + ids.id("Upload", s.id().toString())
                        + " made for this study");
            } else {
                what.putObject("identifier").put("system", "urn:ferry:upload")
                        .put("value", ids.id("Upload", s.id().toString()));
                what.put("display", "An upload made for this study");
            }
        }
        if (entities.isEmpty()) {
            p.remove("entity");
        }
        return p.toString();
    }
}
