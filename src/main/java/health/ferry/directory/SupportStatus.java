package health.ferry.directory;

/** Whether Ferry can connect to a portal: yes, not yet decided (a participant asked for it), or no. */
public enum SupportStatus implements Coded {
    SUPPORTED("supported"),
    PENDING("pending"),
    NOT_SUPPORTED("not_supported");

    private final String code;

    SupportStatus(String code) {
        this.code = code;
    }

    /** The contract's and the database's code. */
    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @jakarta.persistence.Converter
    static class Jpa extends Coded.Converter<SupportStatus> {
        Jpa() {
            super(SupportStatus.class);
        }
    }
}
