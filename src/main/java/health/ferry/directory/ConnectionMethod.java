package health.ferry.directory;

/** How Ferry connects to a portal: SMART App Launch against its FHIR endpoint, or the participant's sign-in. */
public enum ConnectionMethod implements Coded {
    SMART("smart"),
    CREDENTIALS("credentials");

    private final String code;

    ConnectionMethod(String code) {
        this.code = code;
    }

    /** The contract's and the database's code. */
    @Override
    public String code() {
        return code;
    }

    /** Stores the code. */
    @jakarta.persistence.Converter
    static class Jpa extends Coded.Converter<ConnectionMethod> {
        Jpa() {
            super(ConnectionMethod.class);
        }
    }
}
