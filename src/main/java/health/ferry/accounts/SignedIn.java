package health.ferry.accounts;

/** An account was seen for the first time (and created) from a signed-in token. */
public record SignedIn(Actor actor, boolean firstTime) {
}
