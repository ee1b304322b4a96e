package health.ferry.audit;

import health.ferry.audit.AccessLogApi.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** A person's access log: what study coordinators did with their data, from the audit trail, newest first. */
@ApplicationScoped
public class AccessLog {
    static final int SHOWN = 500;

    @Inject
    AuditRepository entries;

    /** The caller has already checked that the signed-in account acts for this person. */
    public List<Access> of(UUID personId) {
        return entries.findBySubjectAndPrefix(personId, "coordinator.", SHOWN).stream()
                .map(e -> new Access(e.at, e.actorUsername, e.actorRole, e.action.substring("coordinator.".length()),
                        e.objectType, e.studyId)).toList();
    }
}
