package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.ferry.records.FhirJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page is read once as JSON: anything but a JSON Bundle is an invalid response; decimals keep their digits. */
class BundlePageTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void notJsonOrNotABundleIsAnInvalidResponse() {
        for (String body : new String[] {"", "<Bundle/>", "{\"resourceType\":\"Bundle\"", "[1]",
                "{\"resourceType\":\"Patient\",\"id\":\"p\"}"}) {
            assertEquals("invalid_response", assertThrows(SyncStopped.class,
                    () -> ConnectionSync.bundle(bytes(body))).code(), body);
        }
    }

    @Test
    void resourcesAreKeptAsReceivedCompactWithExactDecimals() {
        String resource = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"valueQuantity\":{\"value\":1.50,"
                + "\"unit\":\"mmol/L\"},\"note\":[{\"text\":\"caf\u00e9 \\\"quoted\\\"\"}]}";
        var bundle = ConnectionSync.bundle(bytes("{\n  \"resourceType\": \"Bundle\",\n  \"entry\": [ { \"resource\": "
                + resource + " } ]\n}"));
        assertEquals(resource, FhirJson.write(bundle.path("entry").path(0).path("resource")));
    }
}
