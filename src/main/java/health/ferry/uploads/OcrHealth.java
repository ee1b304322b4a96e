package health.ferry.uploads;

import health.ferry.uploads.detection.OcrSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names whether OCR is available, and is always UP: without Tesseract Ferry still reads every document
 * that has text; images and scans then say "text not read (OCR not installed)". The data says {@code available},
 * {@code unavailable} (with the reason) or {@code off}, and the languages. Checked at most once a minute
 * ({@code tesseract --version}).
 */
@Readiness
@ApplicationScoped
class OcrHealth implements HealthCheck {
    static final String NAME = "OCR (scanned PDFs and images)";
    private static final Duration RECHECK = Duration.ofMinutes(1);

    @Inject
    UploadsConfig config;

    private volatile Boolean installed;
    private volatile Instant checkedAt;

    @Override
    public HealthCheckResponse call() {
        OcrSettings ocr = config.extraction().ocr().settings();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).up();
        if (!ocr.enabled()) {
            return answer.withData("ocr", "off").build();
        }
        Instant now = Instant.now();
        if (installed == null || checkedAt == null || checkedAt.plus(RECHECK).isBefore(now)) {
            installed = ocr.tesseractInstalled();
            checkedAt = now;
        }
        answer.withData("ocr", installed ? "available" : "unavailable").withData("languages", ocr.languages())
                .withData("checkedAt", checkedAt.toString());
        if (!installed) {
            answer.withData("reason", "tesseract is not installed" + (ocr.tesseractPath() == null ? "" : " in "
                    + ocr.tesseractPath()) + ": images and scanned PDFs are kept without text");
        }
        return answer.build();
    }
}
