package health.ferry.connections.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.spi.ConnectorStep;
import health.ferry.connections.spi.FhirAccess;
import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalHttp;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.connections.spi.Profile;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.connections.spi.SignInOutcome.Connected;
import health.ferry.connections.spi.SignInOutcome.Failed;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Signs in to a portal with a username and password through its sign-in API (the aggregator style), then the
 * second factor or profile choice it asks for. Every answer becomes a taxonomy outcome; a portal that is down is
 * retried with backoff and only then reported, never blamed on the participant. Credentials are never logged.
 */
@ApplicationScoped
public class CredentialConnector implements PortalConnector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PortalHttp http;
    private final Clock clock;

    @Inject
    public CredentialConnector(PortalHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public boolean connects(PortalMethod portal) {
        return PortalMethod.CREDENTIALS.equals(portal.connectionMethod());
    }

    @Override
    public boolean authorizesAtPortal() {
        return false;
    }

    /** A sign-in, a second factor or a profile choice, at the portal's sign-in service. */
    @Override
    public SignInOutcome complete(PortalMethod portal, ConnectorStep step) {
        URI api = portal.signInApi();
        if (api == null) {
            throw new PortalUnavailable("no sign-in service known for this portal", null);
        }
        if (step instanceof ConnectorStep.SignIn s) {
            return signIn(api, s.username(), s.password());
        }
        if (step instanceof ConnectorStep.SecondFactor f) {
            return secondFactor(api, f.challenge(), f.code());
        }
        if (step instanceof ConnectorStep.ProfileChoice p) {
            return chooseProfile(api, p.challenge(), p.profileId());
        }
        throw new IllegalArgumentException("a credential portal has no authorisation to return from");
    }

    /** A portal session is not refreshed: Ferry signs in again with the kept details (connections.PortalAccess). */
    @Override
    public SignInOutcome refresh(PortalMethod portal, String session) {
        return Failed.of("reconnect_required");
    }

    /** The sign-in service's session: its token, the patient and the FHIR base it names. */
    @Override
    public Optional<FhirAccess> open(PortalMethod portal, String session) {
        try {
            JsonNode s = JSON.readTree(session);
            if (s == null || !s.hasNonNull("sessionToken") || !s.hasNonNull("fhirBaseUrl")) {
                return Optional.empty();
            }
            return Optional.of(new FhirAccess(URI.create(s.path("fhirBaseUrl").asText()),
                    s.path("patientId").asText(null), s.path("sessionToken").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = PortalUnavailable.class)
    @ExponentialBackoff(maxDelay = 5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.8, delay = 30000, failOn = PortalUnavailable.class)
    public SignInOutcome signIn(URI signInApi, String username, String password) {
        return outcome(signInApi, http.post(signInApi, Map.of("username", username, "password", password)));
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = PortalUnavailable.class)
    @ExponentialBackoff(maxDelay = 5000)
    public SignInOutcome secondFactor(URI signInApi, String challenge, String code) {
        return outcome(signInApi, http.post(signInApi.resolve(signInApi.getPath() + "/second-factor"),
                Map.of("challengeId", challenge, "code", code)));
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = PortalUnavailable.class)
    @ExponentialBackoff(maxDelay = 5000)
    public SignInOutcome chooseProfile(URI signInApi, String challenge, String profileId) {
        return outcome(signInApi, http.post(signInApi.resolve(signInApi.getPath() + "/profile"),
                Map.of("profileChallengeId", challenge, "profileId", profileId)));
    }

    SignInOutcome outcome(URI signInApi, PortalHttp.Answer answer) {
        JsonNode body = answer.body();
        if (answer.status() == 200 || answer.status() == 201) {
            if (!body.hasNonNull("sessionToken")) {
                throw new PortalUnavailable("sign-in answer without a session", null);
            }
            long expiresIn = body.path("expiresIn").asLong(0);
            long endsIn = body.path("accessEndsIn").asLong(0);
            return new Connected(body.toString(), expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                    endsIn > 0 ? clock.instant().plusSeconds(endsIn) : null);
        }
        return switch (answer.error()) {
            case "invalid_credentials" -> Failed.of("credential_error");
            case "two_factor_required" -> new Failed("two_factor_required", body.path("challengeId").asText(null),
                    List.of());
            case "multiple_profiles", "invalid_profile" -> new Failed("multiple_profiles",
                    body.path("profileChallengeId").asText(null), profiles(body.path("profiles")));
            case "terms_acceptance_required" -> Failed.withPage("terms_acceptance_required",
                    samePortal(signInApi, body.path("termsUrl").asText(null)));
            case "password_change_required" -> Failed.withPage("password_change_required",
                    samePortal(signInApi, body.path("passwordUrl").asText(null)));
            case "account_locked" -> Failed.of("account_locked");
            // A used or expired challenge: the participant signs in again.
            case "invalid_challenge" -> Failed.of("credential_error");
            default -> throw new PortalUnavailable("unexpected portal answer " + answer.status(), null);
        };
    }

    /** A link the portal gave, kept only when it is on the portal's own origin (no redirect elsewhere). */
    static String samePortal(URI signInApi, String link) {
        if (link == null) {
            return null;
        }
        try {
            URI u = signInApi.resolve(link);
            boolean same = u.getScheme() != null && u.getScheme().equals(signInApi.getScheme())
                    && u.getHost() != null && u.getHost().equalsIgnoreCase(signInApi.getHost())
                    && u.getPort() == signInApi.getPort();
            return same && u.toString().length() <= 1000 ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Profile> profiles(JsonNode list) {
        List<Profile> out = new ArrayList<>();
        for (JsonNode p : list) {
            if (p.hasNonNull("id") && out.size() < 20) {
                out.add(new Profile(p.path("id").asText(), p.path("name").asText(""), date(p.path("birthDate"))));
            }
        }
        return out;
    }

    private static LocalDate date(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
