package health.ferry.uploads;

import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * Whether Supporting Documents can be read here: an extraction worker JVM starts and reads a document. Checked once
 * at start-up, beside the start (the worker it starts is kept for the first upload), and again whenever it failed,
 * before the next upload is admitted. Until a check failed the feature counts as ready (the check takes seconds and
 * holds nothing back); after one failed, readiness names it as down with the reason, and uploads are refused with
 * {@code uploads_paused} (503) instead of piling up unread.
 */
@jakarta.enterprise.context.ApplicationScoped
class ExtractionReadiness {
    static final String NAME = "Supporting Documents reading";
    private static final Logger LOG = Logger.getLogger(ExtractionReadiness.class);
    private static final String PROBE_TEXT = "Ferry extraction check: blood pressure 120/80.";

    private enum State { CHECKING, UP, DOWN }

    private volatile State state = State.CHECKING;
    private volatile String reason;
    private volatile Instant checkedAt;

    /**
     * Starts {@code extractor}'s worker and has it read a small document; records and answers whether it did. A
     * failure while Ferry is {@code stopping} (which ends the worker) is nobody's news and is not recorded.
     */
    boolean probe(DocumentExtractor extractor, java.util.function.BooleanSupplier stopping,
            java.time.Duration startupTimeout) {
        Path file = null;
        long started = System.nanoTime();
        try {
            file = Files.createTempFile("ferry-extraction-check", ".txt");
            Files.writeString(file, PROBE_TEXT, StandardCharsets.UTF_8);
            Extraction read = extractor.extract(file);
            if (stopping.getAsBoolean()) {
                return false;
            }
            if (read.outcome() != ExtractionOutcome.OK || !read.text().contains("120/80")) {
                return down("the extraction worker started but could not read a plain text document ("
                        + read.outcome().code() + ")");
            }
            up();
            return true;
        } catch (IOException | RuntimeException e) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            if (System.nanoTime() - started >= startupTimeout.minusSeconds(1).toNanos()) {
                // A worker that is only slow to start (a machine busy with something else) is not a broken one:
                // the check is repeated, and uploads are not paused for it.
                LOG.warnf("extraction check: the worker did not start within %s; checking again shortly",
                        startupTimeout);
                return false;
            }
            return down(String.valueOf(e.getMessage()));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debugf("extraction check file not removed: %s", e.getMessage());
                }
            }
        }
    }

    void up() {
        if (state == State.DOWN) {
            LOG.info("Supporting Documents can be read again: the extraction worker starts");
        }
        state = State.UP;
        reason = null;
        checkedAt = Instant.now();
    }

    private boolean down(String why) {
        if (state != State.DOWN) {
            LOG.errorf("Supporting Documents cannot be read: %s. Uploads are paused until the extraction worker "
                    + "starts (docs/operations.md, \"Supporting Documents are not read\").", why);
        }
        state = State.DOWN;
        reason = why;
        checkedAt = Instant.now();
        return false;
    }

    /** No check has passed yet, or the last one failed: the next poll checks (again). */
    boolean unproven() {
        return state != State.UP;
    }

    /** A check failed and none has passed since. */
    public boolean paused() {
        return state == State.DOWN;
    }

    /** Refuses an upload while documents cannot be read: it would only wait, unread, until it failed. */
    void requireReady() {
        if (paused()) {
            throw new OutcomeException(Outcome.UPLOADS_PAUSED, "Uploads are paused for a while: Ferry cannot read "
                    + "documents at the moment. Nothing was sent or lost; please try again later.");
        }
    }

    /** What readiness ({@link ExtractionHealth}) says of it. */
    HealthCheckResponse health() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).status(state != State.DOWN)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (reason != null) {
            answer.withData("error", reason);
        }
        if (checkedAt != null) {
            answer.withData("checkedAt", checkedAt.toString());
        }
        return answer.build();
    }
}
