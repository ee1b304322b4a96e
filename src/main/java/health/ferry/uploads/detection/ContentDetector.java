package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tika's detector, with the DICOM marker first: "DICM" at offset 128 decides even when the preamble holds a TIFF
 * header (Tika's container detector would otherwise call such files TIFF).
 */
final class ContentDetector implements Detector {
    static final MediaType DICOM = MediaType.application("dicom");
    private static final int PREAMBLE = 128;
    private static final byte[] MARKER = "DICM".getBytes(StandardCharsets.US_ASCII);

    private final Detector tika;

    ContentDetector(Detector tika) {
        this.tika = tika;
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        if (input != null && input.markSupported()) {
            input.mark(PREAMBLE + MARKER.length);
            byte[] head = input.readNBytes(PREAMBLE + MARKER.length);
            input.reset();
            if (head.length == PREAMBLE + MARKER.length
                    && Arrays.equals(head, PREAMBLE, head.length, MARKER, 0, MARKER.length)) {
                return DICOM;
            }
        }
        return tika.detect(input, metadata);
    }
}
