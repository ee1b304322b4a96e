package health.ferry.uploads.archive;

/** Thrown inside the unpacker the moment a check fails; the unpacker turns it into a {@link Rejection}. */
final class ArchiveRejected extends Exception {
    private final transient Rejection rejection;

    ArchiveRejected(RejectionCode code) {
        this(code, null);
    }

    /** {@code detail} is a full sentence appended to the code's message, or null. */
    ArchiveRejected(RejectionCode code, String detail) {
        super(code.code(), null, false, false);
        this.rejection = new Rejection(code, detail == null ? code.message() : code.message() + " " + detail);
    }

    Rejection rejection() {
        return rejection;
    }
}
