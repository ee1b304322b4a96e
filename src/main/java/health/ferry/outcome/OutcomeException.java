package health.ferry.outcome;

import java.util.List;

/** A domain failure carrying its {@link Outcome}; web turns it into a page or an RFC 9457 problem. */
public class OutcomeException extends RuntimeException {
    private final Outcome outcome;
    private final List<FieldError> errors;
    private final java.util.Map<String, Object> extensions = new java.util.LinkedHashMap<>();

    public OutcomeException(Outcome outcome, String detail) {
        this(outcome, detail, List.of());
    }

    public OutcomeException(Outcome outcome, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.outcome = outcome;
        this.errors = List.copyOf(errors);
    }

    public static OutcomeException notFound() {
        return new OutcomeException(Outcome.NOT_FOUND, "Not found.");
    }

    /** A query parameter as a whole number, null when absent; anything else is a 400 naming the field. */
    public static Integer wholeNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, "Use a whole number.");
        }
    }

    public static OutcomeException invalid(String field, String message) {
        return new OutcomeException(Outcome.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldError(field, message)));
    }

    /** Adds a member to the problem body (RFC 9457 extension), e.g. the id of the earlier upload. */
    public OutcomeException with(String member, String value) {
        extensions.put(member, value);
        return this;
    }

    /** Adds a number to the problem body (RFC 9457 extension), e.g. a limit in bytes. */
    public OutcomeException with(String member, long value) {
        extensions.put(member, value);
        return this;
    }

    public java.util.Map<String, Object> extensions() {
        return java.util.Collections.unmodifiableMap(extensions);
    }

    public Outcome outcome() {
        return outcome;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field of a request, as in the contract's {@code errors: [{field, message}]}. */
    public record FieldError(String field, String message) {
    }
}
