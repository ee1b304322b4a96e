package health.ferry.accounts;

/** Someone signed out of Ferry (and of the IdP). */
public record SignedOut(Actor actor) {
}
