package health.ferry.uploads.archive;

/**
 * One document taken out of an archive.
 *
 * @param index         position of the entry in the archive (stable, for idempotent re-runs)
 * @param name          the entry's path inside the archive: display text only, never a file-system path
 * @param storageKey    the server-generated key the bytes were stored under
 * @param size          uncompressed bytes, as counted while streaming
 * @param sha256        lower-case hex SHA-256 of the bytes
 * @param nestedArchive the bytes start like an archive (zip, 7z, rar, gzip, tar …); kept opaque, never expanded.
 *                      Office and OpenDocument files are ZIP containers too: the detected media type decides
 */
public record UnpackedEntry(int index, String name, String storageKey, long size, String sha256,
        boolean nestedArchive) {
}
