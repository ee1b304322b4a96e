package health.ferry.uploads.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where unpacked entries go. The unpacker chooses every key (a random UUID); no archive path ever reaches storage.
 * An {@link IOException} from the sink is a storage failure (retryable), never an archive rejection.
 */
public interface EntrySink {
    /**
     * Stores the bytes of one entry under {@code key}. The stream enforces the limits while it is read; when it
     * throws, the sink must give up and leave nothing usable behind (the unpacker calls {@link #discard} anyway).
     */
    void store(String key, InputStream content) throws IOException;

    /** Removes whatever was stored under {@code key}; succeeds when nothing is there. */
    void discard(String key) throws IOException;
}
