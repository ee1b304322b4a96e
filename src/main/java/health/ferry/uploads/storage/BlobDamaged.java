package health.ferry.uploads.storage;

import java.io.IOException;

/**
 * Stored bytes no longer have the SHA-256 they were stored with (bit rot, tampering, a broken copy), and no intact
 * copy could be fetched: they are not used.
 */
public final class BlobDamaged extends IOException {
    public BlobDamaged(String key, String expected, String actual) {
        super("stored blob " + key + " has SHA-256 " + actual + ", expected " + expected + "; it is not used");
    }
}
