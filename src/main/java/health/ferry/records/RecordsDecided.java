package health.ferry.records;

import health.ferry.accounts.Actor;
import java.util.UUID;

/** Someone acting for a person accepted or deleted records (counts only; observed by audit). */
public record RecordsDecided(Actor actor, UUID personId, int accepted, int deleted) {
}
