package health.ferry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link LogLeakGuard} refuses in a log line, and that ordinary lines (ids, codes) pass. */
class LogLeakGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl",
        "Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA2YotnFZFEjr1zCsicMWpAA",
        "body {\"username\":\"demo\",\"password\":\"Tr0ub4dor&3\"}",
        "login failed password=hunter2",
        "key ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=",
        "imported patient Jordan Rivers",
        "born 1978-03-14"})
    void secretsAndSamplePhiAreCaught(String line) {
        assertTrue(LogLeakGuard.leaks(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "upload 2ec9f2f5-1386-4747-b498-084ca0bee763: ready_for_review, 2 documents",
        "connection 0e890a3f-adef-4827-afbe-e2a949e73670 failed: credential_error",
        "Directory index rebuilt in 1510 ms: 2 portals, 2 names, 1 doctors, 1 website hosts"})
    void idsAndCodesPass(String line) {
        assertFalse(LogLeakGuard.leaks(line), line);
    }
}
