package health.ferry.uploads.archive;

import java.util.Objects;

/** An archive refused as a whole: the contract code and the plain message shown to the participant. */
public record Rejection(RejectionCode code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
