package health.ferry.review;

import health.ferry.review.CoordinatorViews.CoordinatorDocument;
import health.ferry.uploads.SupportingDocuments;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the coordinator's pages show instead of raw values: readable times, sizes and confidence in words. */
final class ReviewFormats {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ReviewFormats() {
    }

    /** "7 Dec 2026, 14:35 UTC"; empty for no time. */
    @TemplateExtension
    static String readable(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    @TemplateExtension
    static String readableSize(CoordinatorDocument document) {
        return SupportingDocuments.readableSize(document.size());
    }

    /** {@code high} (0.8 and above), {@code medium} (0.5 and above), {@code low}, or empty when unknown. */
    @TemplateExtension
    static String confidenceLevel(CoordinatorDocument document) {
        Double c = document.confidence();
        if (c == null) {
            return "";
        }
        return c >= 0.8 ? "high" : c >= 0.5 ? "medium" : "low";
    }
}
