package health.ferry.review;

import java.util.Locale;
import java.util.Optional;

/** A coordinator's decision on one document. */
public enum Decision {
    ACCEPTED, REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision named by a request, if it is one. */
    public static Optional<Decision> fromCode(String code) {
        for (Decision d : values()) {
            if (d.code().equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
