package health.ferry.uploads.api;

/** A document's extracted text, cut to what was asked for; {@code truncated} when more was (or could be) there. */
public record DocumentText(String text, boolean truncated) {
}
