package health.ferry.uploads.api;

import java.util.List;

/** A list as the JSON API answers it: the items and how many there are. */
public record Page<T>(List<T> items, long total) {
}
