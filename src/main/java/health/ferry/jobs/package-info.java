/**
 * The leased-job mechanism both job queues share (uploads' processing jobs, sync's scheduled syncs): the lease
 * columns and their transitions ({@link health.ferry.jobs.LeasedJob}), the claim of the next due job with
 * {@code FOR UPDATE SKIP LOCKED} on the database's clock ({@link health.ferry.jobs.Leases}), and the daemon worker
 * pool that runs claimers ({@link health.ferry.jobs.WorkerPool}). Each queue keeps its own table and what a job does.
 * Depends on nothing else of Ferry's.
 */
package health.ferry.jobs;
