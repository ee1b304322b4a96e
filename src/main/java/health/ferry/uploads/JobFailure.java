package health.ferry.uploads;

/** Processing cannot go on: the failure code to record and whether a later attempt may succeed. */
final class JobFailure extends Exception {
    private final transient UploadFailure failure;
    private final boolean retryable;

    JobFailure(UploadFailure failure, boolean retryable, Throwable cause) {
        super(failure.code(), cause, false, false);
        this.failure = failure;
        this.retryable = retryable;
    }

    UploadFailure failure() {
        return failure;
    }

    boolean retryable() {
        return retryable;
    }
}
