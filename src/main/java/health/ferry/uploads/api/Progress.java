package health.ferry.uploads.api;

/** Documents extracted so far out of all to extract; total is 0 until the archive is unpacked. */
public record Progress(int done, int total) {
}
