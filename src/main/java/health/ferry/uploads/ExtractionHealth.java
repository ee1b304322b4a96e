package health.ferry.uploads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness names whether Supporting Documents can be read ({@link ExtractionReadiness}). */
@Readiness
@ApplicationScoped
class ExtractionHealth implements HealthCheck {
    @Inject
    ExtractionReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        return readiness.health();
    }
}
