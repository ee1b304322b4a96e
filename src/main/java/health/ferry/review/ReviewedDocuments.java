package health.ferry.review;

import health.ferry.uploads.api.DocumentDecisions;
import health.ferry.uploads.api.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** uploads' seam for the decisions its participant pages show, answered from the decisions review keeps. */
@ApplicationScoped
class ReviewedDocuments implements DocumentDecisions {
    @Inject
    Reviews reviews;

    @Override
    public Map<UUID, Review> forUpload(UUID uploadId) {
        Map<UUID, Review> shown = new LinkedHashMap<>();
        reviews.forUpload(uploadId).forEach((document, r) -> shown.put(document, new Review(r.decision(),
                r.reason())));
        return shown;
    }
}
