package health.ferry.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic charts: the same on every run, five years long, and a child's chart fits a child. */
class SandboxRecordsTest {
    static final String BASE = "http://localhost:8080/sandbox/fhir";
    static IParser json;

    @BeforeAll
    static void parser() {
        json = FhirContext.forR4().newJsonParser();
    }

    static String encode(PatientRecords records) {
        Bundle all = new Bundle();
        all.addEntry().setResource(records.patient());
        records.byType().values().forEach(list -> list.forEach(r -> all.addEntry().setResource(r)));
        records.binaries().values().forEach(b -> all.addEntry().setResource(b));
        return json.encodeResourceToString(all);
    }

    @Test
    void everyRunGivesTheSameRecords() {
        for (SandboxAccounts.Account account : SandboxAccounts.ALL) {
            for (SandboxAccounts.Profile profile : account.profiles()) {
                assertEquals(encode(RecordGenerator.generate(profile, BASE)),
                        encode(RecordGenerator.generate(profile, BASE)), profile.id());
            }
        }
    }

    @Test
    void recordsSpanFiveYears() {
        PatientRecords demo = RecordGenerator.generate(SandboxAccounts.profile("sbx-demo").orElseThrow(), BASE);
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (var list : demo.byType().values()) {
            for (Resource r : list) {
                Instant t = r.getMeta().getLastUpdated().toInstant();
                first = t.isBefore(first) ? t : first;
                last = t.isAfter(last) ? t : last;
            }
        }
        assertEquals(2021, first.atZone(ZoneOffset.UTC).getYear());
        assertEquals(2025, last.atZone(ZoneOffset.UTC).getYear());
    }

    @Test
    void aChildHasAChildsHistory() {
        String sam = encode(RecordGenerator.generate(SandboxAccounts.profile("sbx-sam-carter").orElseThrow(), BASE));
        assertTrue(sam.contains("Well child visit"));
        assertFalse(sam.contains("Essential hypertension"));
        assertFalse(sam.contains("Lipid panel"));
    }

    @Test
    void emptyHasOnlyAPatient() {
        PatientRecords empty = RecordGenerator.generate(SandboxAccounts.profile("sbx-empty").orElseThrow(), BASE);
        assertTrue(empty.byType().isEmpty());
        assertEquals("sbx-empty", empty.patient().getIdPart());
    }
}
