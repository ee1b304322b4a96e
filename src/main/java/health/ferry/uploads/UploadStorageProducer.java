package health.ferry.uploads;

import health.ferry.uploads.storage.S3BlobStore;
import health.ferry.uploads.storage.UploadStorage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The upload store at {@code ferry.uploads.storage-dir} (kept there, or in the S3 bucket of
 * {@code ferry.uploads.storage.s3.*}), created at start; leftovers of killed writes are swept.
 */
@ApplicationScoped
class UploadStorageProducer {
    private static final Logger LOG = Logger.getLogger(UploadStorageProducer.class);
    /** Longer than any one upload takes to write, so a write in progress on another instance is never swept. */
    private static final Duration PARTIAL_AGE = Duration.ofHours(6);

    /** A singleton, not a proxied bean: the store is one immutable object shared by every request and job. */
    @Produces
    @Startup
    @Singleton
    UploadStorage storage(UploadsConfig config) {
        try {
            UploadStorage storage = switch (config.storage().backend()) {
                case FILE -> new UploadStorage(config.storageDir());
                case S3 -> new UploadStorage(config.storageDir(), new S3BlobStore(config.storage().s3().settings()));
            };
            LOG.infof("upload storage: %s", storage.store().describe());
            int swept = storage.sweepPartials(PARTIAL_AGE);
            if (swept > 0) {
                LOG.infof("removed %d partial upload files", swept);
            }
            return storage;
        } catch (IOException e) {
            throw new UncheckedIOException("upload storage cannot be used (ferry.uploads.storage-dir)", e);
        }
    }
}
