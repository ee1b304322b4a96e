package health.ferry.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * FHIR JSON read once into a tree and written back compactly, decimals exactly as received ({@code 1.50} stays
 * {@code 1.50}, as FHIR wants): the one parse an import makes of a page (issue 5: one parse per byte, no
 * parse–encode round trip per entry).
 */
public final class FhirJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private FhirJson() {
    }

    /** The JSON as a tree; empty input reads as a missing node. */
    public static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The JSON as a tree. */
    public static JsonNode read(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** The tree as compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
