package health.ferry.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: the signed-in account and the people it acts for. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class PeopleApi {
    @Inject
    CurrentAccount current;
    @Inject
    People people;

    public record Me(AccountView account, List<PersonView> people) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in account and the people it acts for (self first)")
    public Me me() {
        return new Me(current.account(), current.people());
    }

    @GET
    @Path("people")
    @RolesAllowed("participant")
    @Operation(summary = "The people this account acts for")
    public Page<PersonView> list() {
        List<PersonView> list = current.people();
        return new Page<>(list, list.size());
    }

    @POST
    @Path("people")
    @RolesAllowed("participant")
    @Operation(summary = "Add a child or ward (authorityAttested must be true)")
    public Response add(People.WardForm body, UriInfo uri) {
        PersonView added = people.add(body == null ? new People.WardForm(null, null, null, null) : body);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/people/{id}").build(added.id())).entity(added)
                .build();
    }

    @GET
    @Path("people/{personId}")
    @RolesAllowed("participant")
    @Operation(summary = "One person this account acts for")
    public PersonView get(@PathParam("personId") String personId) {
        return current.person(personId);
    }

    @PUT
    @Path("people/{personId}")
    @RolesAllowed("participant")
    @Operation(summary = "Change a person's name, date of birth or relationship")
    public PersonView update(@PathParam("personId") String personId, People.WardForm body) {
        return people.update(current.person(personId).id(),
                body == null ? new People.WardForm(null, null, null, null) : body);
    }

    @DELETE
    @Path("people/{personId}")
    @RolesAllowed("participant")
    @Operation(summary = "Remove a child or ward (the self person cannot be removed)")
    public Response remove(@PathParam("personId") String personId) {
        people.remove(current.person(personId).id());
        return Response.noContent().build();
    }
}
