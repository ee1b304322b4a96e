package health.ferry.uploads;

import health.ferry.uploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes document storage: the local folder can be written and read, or the bucket answers. An
 * instance that cannot keep uploads leaves the load balancer's rotation instead of failing each upload.
 */
@Readiness
@ApplicationScoped
class UploadStorageHealth implements HealthCheck {
    @Inject
    UploadStorage storage;

    @Override
    public HealthCheckResponse call() {
        try {
            storage.store().check();
            return HealthCheckResponse.named("Upload storage").up().withData("store", storage.store().describe())
                    .build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("Upload storage").down().withData("store", storage.store().describe())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
