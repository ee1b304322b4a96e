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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: what each study has received of a person (the page: Account, "Who looked at our data"). */
@Path("/api/v1/people/{personId}/received")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Participant trust")
public class ReceivedApi {
    @Inject
    CurrentAccount current;
    @Inject
    StudyReceipts receipts;

    public record Page(List<StudyReceipts.Received> items, long total) {
    }

    @GET
    @Operation(summary = "What each study has received of this person: per study and category, whether it is shared "
            + "and how many records, when the study last exported them, who of the study looked at them")
    public Page received(@PathParam("personId") String personId) {
        PersonView person = current.person(personId);
        List<StudyReceipts.Received> items = receipts.of(person);
        return new Page(items, items.size());
    }
}
