package health.ferry.uploads;

/**
 * A document to process: an archive entry or an uploaded file, with where its bytes are stored.
 *
 * @param index         stable position (entry index in the archive, or position among the files)
 * @param name          display name (path inside the archive or folder)
 * @param blobPath      stored path of its bytes
 * @param size          counted bytes
 * @param sha256        SHA-256 of the bytes
 * @param nestedArchive it starts like an archive: kept closed
 */
record DocumentEntry(int index, String name, String blobPath, long size, String sha256, boolean nestedArchive) {
}
