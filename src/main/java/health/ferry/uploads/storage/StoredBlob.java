package health.ferry.uploads.storage;

/**
 * Bytes kept in upload storage.
 *
 * @param path   where, relative to the storage root (forward slashes); never derived from a file name
 * @param sha256 lower-case hex SHA-256 of the bytes
 * @param size   bytes, as counted while writing
 */
public record StoredBlob(String path, String sha256, long size) {
}
