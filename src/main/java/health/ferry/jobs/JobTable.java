package health.ferry.jobs;

/**
 * One queue's table: its entity, table name and id column (fixed names from code, never from input).
 *
 * @param type     the entity
 * @param table    its table
 * @param idColumn its primary key column (a UUID)
 */
public record JobTable<J extends LeasedJob>(Class<J> type, String table, String idColumn) {
}
