package bench.skeleton;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The skeleton's one endpoint: reads the table (a database round trip, as Ferry's readiness check makes). */
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
public class Notes {
    @GET
    @Transactional
    public List<Note> list() {
        return Note.listAll();
    }
}
