package health.ferry.uploads.api;

/** A rejection or failure: its stable code and a plain message for the participant. */
public record Problem(String code, String message) {
}
