package health.ferry.sync;

/** A sync run cannot go on; carries the failure code stored on the run (never portal text). */
class SyncFailure extends RuntimeException {
    private final String code;

    SyncFailure(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
