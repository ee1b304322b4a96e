package health.ferry.uploads;

import health.ferry.jobs.DatabaseOutage;
import health.ferry.uploads.storage.UploadStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Removes upload bytes nothing will ever read: originals that no upload references (a request refused after its
 * files were kept, e.g. too large part-way, or one that died before its upload was recorded), temporary files of
 * writes that never finished, and request bodies the HTTP layer left in its upload folder. Only what was last
 * written more than {@code ferry.uploads.orphan-sweep.grace} ago goes, so a request still writing or about to
 * record its upload is never touched. Originals are content-addressed and shared by every upload of the same bytes,
 * so one is an orphan only when no {@code upload_original} names its SHA-256 and no document's {@code blob_path}
 * names it; it is checked again as it is set aside, and in object storage asked again once it is
 * ({@link UploadStorage#removeOrphan}).
 */
@ApplicationScoped
class OrphanSweep {
    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);
    private static final int BATCH = 500;

    @Inject
    UploadStorage storage;
    @Inject
    EntityManager em;
    @Inject
    DatabaseOutage outage;
    @ConfigProperty(name = "ferry.uploads.orphan-sweep.grace", defaultValue = "PT6H")
    Duration grace;
    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    Optional<Path> incoming;

    /** What one sweep removed. */
    record Swept(int originals, int temporary) {
    }

    @Scheduled(every = "${ferry.uploads.orphan-sweep.every:1h}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (outage.paused()) {
            return;
        }
        try {
            sweep(Instant.now().minus(grace));
        } catch (RuntimeException e) {
            if (!outage.failed("orphan-sweep", e)) {
                throw e;
            }
        }
    }

    /** Removes orphaned originals and temporary files last written before {@code before}. */
    Swept sweep(Instant before) {
        try {
            List<String> keys = new ArrayList<>(storage.originals());
            int originals = 0;
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                Set<String> used = referenced(batch);
                for (String key : batch) {
                    if (!used.contains(key) && storage.removeOrphan(key, before, () -> referenced(List.of(key))
                            .isEmpty())) {
                        originals++;
                    }
                }
            }
            int temporary = UploadStorage.sweepOlder(storage.resolve("tmp"), before);
            if (incoming.isPresent()) {
                temporary += UploadStorage.sweepOlder(incoming.get(), before);
            }
            if (originals + temporary > 0) {
                LOG.infof("upload storage: removed %d orphaned originals and %d temporary files", originals,
                        temporary);
            }
            return new Swept(originals, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("upload storage sweep", e);
        }
    }

    /** Which of these originals' paths an upload or a document references. */
    private Set<String> referenced(List<String> keys) {
        List<String> shas = keys.stream().map(k -> UploadStorage.sha256OfOriginal(k).orElseThrow()).toList();
        Set<String> found = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> used = new HashSet<>();
            @SuppressWarnings("unchecked")
            List<String> named = em.createNativeQuery("select distinct sha256 from upload_original"
                    + " where sha256 in (:shas)", String.class).setParameter("shas", shas).getResultList();
            Set<String> namedShas = new HashSet<>(named);
            keys.stream().filter(k -> namedShas.contains(UploadStorage.sha256OfOriginal(k).orElseThrow()))
                    .forEach(used::add);
            @SuppressWarnings("unchecked")
            List<String> paths = em.createNativeQuery("select distinct blob_path from upload_document"
                    + " where blob_path in (:keys)", String.class).setParameter("keys", keys).getResultList();
            used.addAll(paths);
            return used;
        });
        outage.reachable();
        return found;
    }
}
