package health.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import health.ferry.sandbox.Grants.Issued;
import health.ferry.sandbox.SignIns.Step;
import health.ferry.sandbox.SignIns.Surface;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The sandbox's credential sign-in API, as a portal scraper or aggregator sees a portal: a session from a username
 * and password, then a second factor or a profile choice when the account asks. Errors carry a machine code in
 * {@code error}; see docs/connectors.md, "Sandbox portal".
 */
@Path("/sandbox/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
class SessionApi {
    record SignInRequest(String username, String password, String profileId) {
    }

    record SecondFactorRequest(String challengeId, String code) {
    }

    record ProfileRequest(String profileChallengeId, String profileId) {
    }

    @Inject
    SignIns signIns;
    @Inject
    Grants grants;
    @Inject
    SandboxUrls urls;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInRequest body) {
        if (body == null || body.username() == null || body.password() == null) {
            return invalidRequest("username and password are required.");
        }
        return answer(signIns.signIn(body.username(), body.password(), body.profileId(), Surface.SESSIONS));
    }

    @POST
    @Path("second-factor")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response secondFactor(SecondFactorRequest body) {
        if (body == null || body.challengeId() == null || body.code() == null) {
            return invalidRequest("challengeId and code are required.");
        }
        return answer(signIns.secondFactor(body.challengeId(), body.code()));
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response profile(ProfileRequest body) {
        if (body == null || body.profileChallengeId() == null || body.profileId() == null) {
            return invalidRequest("profileChallengeId and profileId are required.");
        }
        return answer(signIns.chooseProfile(body.profileChallengeId(), body.profileId()));
    }

    /** Signs out: the session token stops working. */
    @DELETE
    @Path("current")
    public Response signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Bearer.token(authorization).ifPresent(grants::endSession);
        return Response.noContent().build();
    }

    /** A body that is not JSON, or not these fields, gets this API's own error shape, not Ferry's problem page. */
    @ServerExceptionMapper({JsonProcessingException.class, WebApplicationException.class})
    Response unreadable(Exception e) {
        return invalidRequest("Send a JSON object with the fields of this endpoint (Content-Type: application/json).");
    }

    private Response answer(Step step) {
        return switch (step.kind()) {
            case SIGNED_IN -> session(step);
            case INVALID_CREDENTIALS -> error(401, "invalid_credentials", "The username or password is not right.");
            case ACCOUNT_LOCKED -> error(403, "account_locked", "This account is locked.");
            case PASSWORD_CHANGE_REQUIRED -> error(403, "password_change_required", "The password has expired.",
                    "passwordUrl", urls.password());
            case UNAVAILABLE -> reply(503, "unavailable", "The portal is briefly unavailable.")
                    .header("Retry-After", "1").build();
            case TWO_FACTOR_REQUIRED -> error(401, "two_factor_required", "Enter the code sent to the phone.",
                    "challengeId", step.challengeId());
            case WRONG_CODE -> error(401, "two_factor_required", "That code is not right; a new one was sent.",
                    "challengeId", step.challengeId());
            case TERMS_ACCEPTANCE_REQUIRED -> error(403, "terms_acceptance_required",
                    "Accept the new terms of use at the portal first.", "termsUrl", urls.terms(step.ticket()));
            case MULTIPLE_PROFILES, INVALID_PROFILE -> profiles(step);
            case INVALID_CHALLENGE -> error(400, "invalid_challenge", "The challenge is unknown, used or expired.");
        };
    }

    private Response session(Step step) {
        Issued issued = grants.session(step.account().username(), step.profile().id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionToken", issued.accessToken());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", issued.expiresIn());
        if (issued.endsIn() != null) {
            // How long this access lasts at all (the shortlived account): Ferry reminds before it ends.
            body.put("accessEndsIn", issued.endsIn());
        }
        body.put("patientId", issued.patientId());
        body.put("fhirBaseUrl", urls.fhirBase());
        return Response.status(201).entity(body).build();
    }

    private Response profiles(Step step) {
        boolean invalid = step.kind() == SignIns.Kind.INVALID_PROFILE;
        Map<String, Object> body = body(invalid ? "invalid_profile" : "multiple_profiles",
                invalid ? "Choose one of the profiles listed." : "Choose whose records to open.");
        body.put("profileChallengeId", step.challengeId());
        body.put("profiles", step.account().profiles().stream().map(p -> Map.of("id", p.id(), "name", p.name(),
                "birthDate", p.birthDate().toString())).toList());
        return Response.status(invalid ? 400 : 409).entity(body).build();
    }

    private static Response invalidRequest(String message) {
        return error(400, "invalid_request", message);
    }

    private static Response error(int status, String code, String message, String... extra) {
        return reply(status, code, message, extra).build();
    }

    /** An error body {@code {error, message}} plus extra name/value pairs. */
    private static Response.ResponseBuilder reply(int status, String code, String message, String... extra) {
        Map<String, Object> body = body(code, message);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put(extra[i], extra[i + 1]);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }

    private static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }
}
