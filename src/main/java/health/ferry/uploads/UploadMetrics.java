package health.ferry.uploads;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Supporting Documents in Prometheus terms (at {@code /q/metrics}): uploads received, each processing attempt's
 * duration by outcome and failure code, and the job queue's depth by state, read from the shared job table so every
 * instance reports the cluster's queue. Only counts and codes: never a name, a file name or an id.
 */
@ApplicationScoped
class UploadMetrics {
    private static final Logger LOG = Logger.getLogger(UploadMetrics.class);
    /** Scrapes from several Prometheus servers share one query within this window. */
    private static final Duration QUEUE_CACHE = Duration.ofSeconds(5);

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private Counter received;
    private Map<String, Long> queue = Map.of();
    private Instant queueReadAt = Instant.EPOCH;

    void register(@Observes StartupEvent start) {
        received = Counter.builder("ferry.uploads.received").description("Uploads accepted and queued for processing")
                .register(registry);
        for (String state : new String[] { "queued", "running" }) {
            Gauge.builder("ferry.uploads.queue", this, m -> m.queued(state)).tag("state", state)
                    .description("Upload jobs waiting (queued, including retries) or being processed (running)")
                    .register(registry);
        }
    }

    /** An upload was recorded and its job queued. */
    void received() {
        if (received != null) {
            received.increment();
        }
    }

    /**
     * One processing attempt ended: {@code outcome} is {@code ready_for_review}, {@code rejected}, {@code retry},
     * {@code failed} or {@code lease_lost}; {@code code} the failure or rejection code, {@code none} otherwise.
     */
    void attempt(String outcome, String code, Duration took) {
        Timer.builder("ferry.uploads.ingest").description("Time of one upload processing attempt")
                .tag("outcome", outcome).tag("code", code).publishPercentileHistogram(false)
                .register(registry).record(took);
    }

    private synchronized double queued(String state) {
        if (Instant.now().isAfter(queueReadAt.plus(QUEUE_CACHE))) {
            queueReadAt = Instant.now();
            queue = readQueue();
        }
        return queue.getOrDefault(state, 0L);
    }

    private Map<String, Long> readQueue() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select state, count(*) from upload_job where state <> 'done' group by state");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            LOG.warnf("upload queue depth unreadable: %s", e.getClass().getName());
            return queue;
        }
        return counts;
    }
}
