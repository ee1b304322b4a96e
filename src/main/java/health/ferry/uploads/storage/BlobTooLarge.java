package health.ferry.uploads.storage;

/** The bytes ran past the limit while being counted; nothing was kept. */
public final class BlobTooLarge extends Exception {
    public BlobTooLarge() {
        super("too large", null, false, false);
    }
}
