package health.ferry.uploads.api;

/** An entry left out on purpose, with the reason code ({@code system_file}, {@code empty_file}). */
public record SkippedView(String name, String reason) {
}
