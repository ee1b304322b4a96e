package health.ferry.uploads;

/** Another worker took the job over (this one stalled past its lease): stop without writing anything more. */
final class LeaseLost extends RuntimeException {
    LeaseLost() {
        super("lease lost", null, false, false);
    }
}
