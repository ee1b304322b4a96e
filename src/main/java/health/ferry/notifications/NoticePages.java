package health.ferry.notifications;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Dismissing a notice from the home page. */
@Path("/notices")
public class NoticePages {
    @Inject
    Notices notices;

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") String id) {
        notices.dismiss(id);
        return Response.seeOther(URI.create("/home")).build();
    }
}
