package health.ferry.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The return of value: one person's accepted lab results and vital signs, from every source (portals and lab values
 * confirmed from uploads), as {@link Measurements}. Callers pass a person already checked by
 * {@code CurrentAccount.person}: nothing here reads another person's records.
 */
@ApplicationScoped
public class PersonMeasurements {
    static final List<String> CATEGORIES = List.of(RecordCategory.LAB_RESULTS.code(),
            RecordCategory.VITAL_SIGNS.code());

    @Inject
    RecordRepository records;
    @Inject
    ObjectMapper json;

    @Transactional
    public Measurements of(UUID personId) {
        List<JsonNode> observations = new ArrayList<>();
        for (String resource : records.observations(personId, RecordState.ACCEPTED.code(), CATEGORIES)) {
            try {
                observations.add(FhirJson.read(resource));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("a stored record is not JSON", e);
            }
        }
        return Measurements.of(observations);
    }

    /**
     * The measurements as JSON for a page's {@code <script type="application/json">}: every {@code <} is written
     * as its escape, so no text from a record can close the script element.
     */
    public String json(Measurements measurements) {
        try {
            return json.writeValueAsString(measurements).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
