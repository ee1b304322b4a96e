package health.ferry.audit;

import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: who (by username and role, in which study) looked at, downloaded, decided on or exported what. */
@Path("/api/v1/people/{personId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Participant trust")
public class AccessLogApi {
    @Inject
    CurrentAccount current;
    @Inject
    AccessLog log;

    /** One access: {@code object} is a kind of thing ({@code document}, {@code upload}, {@code export}), no ids. */
    public record Access(Instant at, String actor, String actorRole, String action, String object, String study) {
    }

    public record Page(List<Access> items, long total) {
    }

    @GET
    @Operation(summary = "Who looked at, downloaded, decided on or exported this person's data, newest first")
    public Page accessLog(@PathParam("personId") String personId) {
        PersonView person = current.person(personId);
        List<Access> items = log.of(person.id());
        return new Page(items, items.size());
    }
}
