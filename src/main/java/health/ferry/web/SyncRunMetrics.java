package health.ferry.web;

import health.ferry.jobs.DatabaseOutage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Finished record syncs by outcome and failure code ({@code ferry_sync_runs} at {@code /q/metrics}), counted from
 * the shared {@code sync_run} table so every instance reports the whole deployment, whichever instance ran a sync.
 * Read-only and outside the sync package on purpose: it only counts rows the sync writes. Counts and codes only.
 */
@ApplicationScoped
class SyncRunMetrics {
    private static final Logger LOG = Logger.getLogger(SyncRunMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    DatabaseOutage outage;

    private MultiGauge runs;

    void register(@Observes StartupEvent start) {
        runs = MultiGauge.builder("ferry.sync.runs").description("Finished record syncs, by outcome and failure code")
                .register(registry);
        refresh();
    }

    @Scheduled(every = "${ferry.metrics.sync-refresh-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (runs == null || outage.paused()) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select outcome, failure_code, count(*) from sync_run "
                        + "where finished_at is not null group by outcome, failure_code");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String outcome = r.getString(1) == null ? "none" : r.getString(1);
                String code = r.getString(2) == null ? "none" : r.getString(2);
                rows.add(MultiGauge.Row.of(Tags.of("outcome", outcome, "code", code), r.getLong(3)));
            }
        } catch (SQLException e) {
            if (!outage.failed("sync-metrics", e)) {
                LOG.warnf("sync outcome counts unreadable: %s", e.getClass().getName());
            }
            return;
        }
        outage.reachable();
        runs.register(rows, true);
    }
}
