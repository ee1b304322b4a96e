package health.ferry.uploads.api;

import java.nio.file.Path;

/** A document's original bytes in storage, to be sent as an attachment that can never run. */
public record DocumentBytes(String name, String mediaType, Path file, long size) {
}
