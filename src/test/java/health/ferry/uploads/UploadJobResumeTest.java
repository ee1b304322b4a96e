package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.storage.UploadStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job survives a crash: a job whose worker died mid-way is taken over once its lease expires and finishes
 * without duplicates; a live lease is never taken; running a job again changes nothing.
 */
@QuarkusTest
class UploadJobResumeTest {
    @Inject
    LabRepository labs;
    @Inject
    UploadRepository uploads;
    @Inject
    UploadJobRepository jobs;
    @Inject
    DocumentRepository documents;
    @Inject
    DocumentTextRepository texts;
    @Inject
    JobSteps steps;
    @Inject
    UploadWorkers workers;
    @Inject
    UploadStorage storage;

    private UUID processedXdmUpload(String name) {
        String person = ward("alice", name, HEART);
        String id = upload("alice", HEART, person, Map.of("export.zip", UploadFixtures.xdmZip())).then()
                .statusCode(202).extract().path("id");
        assertEquals("ready_for_review", finished("alice", id).getString("status"));
        return UUID.fromString(id);
    }

    /** Puts the job back as a worker leaves it when its process dies: running, lease held, some documents done. */
    /** Alice uploads {@code zip} for {@code person}; answers its id once it is ready for review. */
    private String processed(String person, byte[] zip) {
        String id = upload("alice", HEART, person, Map.of("export.zip", zip)).then().statusCode(202)
                .extract().path("id");
        assertEquals("ready_for_review", finished("alice", id).getString("status"));
        return id;
    }

    /** The stored original of an upload. */
    private Path original(UUID uploadId) {
        String sha = QuarkusTransaction.requiringNew().call(() -> uploads.findById(uploadId).contentSha256);
        return storage.resolve(UploadOriginal.blobPath(sha));
    }

    private void crashedMidWay(UUID id, int recorded, String owner, Instant leaseExpiry) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (UploadDocument d : documents.findByUpload(id)) {
                if (d.entryIndex >= recorded) {
                    // a worker that died before classifying the package never proposed lab values for it
                    labs.fields(labs.findByDocument(d.id).stream().map(p -> p.id).toList())
                            .forEach(labs.getEntityManager()::remove);
                    labs.flush();
                    labs.delete("documentId", d.id);
                    texts.deleteById(d.id);
                    documents.delete(d);
                }
            }
            Upload upload = uploads.findById(id);
            upload.status = UploadStatus.PROCESSING;
            upload.progressDone = recorded;
            upload.finishedAt = null;
            UploadJob job = jobs.findById(id);
            job.state = UploadJob.RUNNING;
            job.leaseOwner = owner;
            job.leaseExpiresAt = leaseExpiry;
        });
    }

    private List<UploadDocument> recorded(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> documents.findByUpload(id));
    }

    @Test
    void aJobLeftByADeadWorkerIsResumedAfterItsLeaseAndFinishesWithoutDuplicates() throws Exception {
        UUID id = processedXdmUpload("Resume After Crash");
        List<UploadDocument> before = recorded(id);
        crashedMidWay(id, 2, "4242-dead/ferry-upload-1", Instant.now().minusSeconds(1));
        assertEquals(2, recorded(id).size());

        workers.wake();
        JsonPath done = finished("alice", id.toString());
        assertEquals("ready_for_review", done.getString("status"));
        List<UploadDocument> after = recorded(id);
        assertEquals(before.size(), after.size());
        assertEquals(before.stream().map(d -> d.entryIndex).toList(), after.stream().map(d -> d.entryIndex).toList());
        assertEquals(before.stream().map(d -> d.kind).toList(), after.stream().map(d -> d.kind).toList());
        assertEquals(before.get(0).id, after.get(0).id, "what the dead worker recorded is kept, not redone");
        assertEquals(before.get(1).id, after.get(1).id);
        UploadJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
        assertEquals(UploadJob.DONE, job.state);
        assertEquals(2, job.attempts, "the takeover was a second attempt");
        assertEquals(after.size(), entriesOnDisk(id), "the interrupted run's leftovers were removed");
    }

    @Test
    void aLiveLeaseIsNeverTakenAndAJobRunAgainAddsNothing() throws Exception {
        UUID id = processedXdmUpload("Resume Live Lease");
        List<UploadDocument> before = recorded(id);
        crashedMidWay(id, before.size(), "4242-busy/ferry-upload-1", Instant.now().plus(Duration.ofHours(1)));
        assertNull(steps.claim("test-owner"), "a job under a live lease is not due");

        QuarkusTransaction.requiringNew().run(() -> jobs.findById(id).retryAt(Instant.now(), null, Instant.now()));
        workers.wake();
        assertEquals("ready_for_review", finished("alice", id.toString()).getString("status"));
        List<UploadDocument> after = recorded(id);
        assertEquals(before.stream().map(d -> d.id).toList(), after.stream().map(d -> d.id).toList());
        assertEquals(before.size(), entriesOnDisk(id));

        QuarkusTransaction.requiringNew().run(() -> jobs.findById(id).retryAt(Instant.now(), null, Instant.now()));
        workers.wake();
        waitUntilDone(id);
        assertEquals(before.stream().map(d -> d.id).toList(), recorded(id).stream().map(d -> d.id).toList(),
                "a finished upload's job closes without touching it");
    }

    @Test
    void anOriginalChangedInStorageEndsFailedWithItsCodeAndMayBeSentAgain() throws Exception {
        String person = ward("alice", "Resume Changed Original", HEART);
        byte[] zip = UploadFixtures.zip(Map.of("note.txt", UploadFixtures.note("changed in storage")));
        String id = processed(person, zip);
        UUID uploadId = UUID.fromString(id);
        Files.write(original(uploadId), UploadFixtures.note("tampered"));
        crashedMidWay(uploadId, 0, "4242-dead/ferry-upload-1", Instant.now().minusSeconds(1));

        workers.wake();
        JsonPath failed = finished("alice", id);
        assertEquals("failed", failed.getString("status"));
        assertEquals("content_changed", failed.getString("failure.code"));
        assertTrue(failed.getString("failure.message").contains("upload them again"));
        String again = upload("alice", HEART, person, Map.of("export.zip", zip)).then().statusCode(202)
                .extract().path("id");
        assertEquals("ready_for_review", finished("alice", again).getString("status"),
                "the fresh copy replaced the changed one");
    }

    /** Security plan R5 (poison job): a job that fails every time is retried with growing waits, then ends. */
    @Test
    void aJobThatKeepsFailingIsRetriedWithGrowingWaitsAndEndsFailedAfterItsLastAttempt() throws Exception {
        String person = ward("alice", "Resume Poison Job", HEART);
        byte[] zip = UploadFixtures.zip(Map.of("note.txt", UploadFixtures.note("its original goes missing")));
        String id = processed(person, zip);
        UUID uploadId = UUID.fromString(id);
        Files.delete(original(uploadId)); // every attempt now fails: storage_failed
        crashedMidWay(uploadId, 0, "4242-dead/ferry-upload-1", Instant.now().minusSeconds(1));

        List<Duration> waits = new java.util.ArrayList<>();
        UploadJob job = null;
        for (int round = 0; round < 10; round++) {
            int before = QuarkusTransaction.requiringNew().call(() -> jobs.findById(uploadId).attempts);
            workers.wake();
            job = attemptAfter(uploadId, before);
            if (UploadJob.DONE.equals(job.state)) {
                break;
            }
            assertEquals("storage_failed", job.lastError);
            waits.add(Duration.between(job.updatedAt, job.runAfter));
            // the wait, passed: due now
            QuarkusTransaction.requiringNew().run(() -> jobs.findById(uploadId).retryAt(Instant.now(),
                    "storage_failed", Instant.now()));
        }
        assertEquals(UploadJob.DONE, job.state);
        assertEquals(5, job.attempts, "the first run, then four more: ferry.uploads.jobs.max-attempts");
        assertEquals("storage_failed", job.lastError);
        assertEquals(3, waits.size(), "attempts 2 to 4 were given back to wait");
        for (int i = 1; i < waits.size(); i++) {
            assertTrue(waits.get(i).compareTo(waits.get(i - 1)) > 0, "each wait is longer: " + waits);
        }
        assertTrue(waits.get(0).compareTo(Duration.ofMinutes(1)) >= 0, waits.toString());
        JsonPath failed = finished("alice", id);
        assertEquals("failed", failed.getString("status"));
        assertEquals("storage_failed", failed.getString("failure.code"));
        assertTrue(failed.getString("failure.message").contains("Your files are kept"));
    }

    /** The job once an attempt after {@code attempts} has ended (no longer running). */
    private UploadJob attemptAfter(UUID id, int attempts) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            UploadJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
            if (job.attempts > attempts && !UploadJob.RUNNING.equals(job.state)) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no attempt of job " + id + " after attempt " + attempts);
    }

    private long entriesOnDisk(UUID id) throws Exception {
        Path folder = storage.resolve("entries/" + id);
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private void waitUntilDone(UUID id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (UploadJob.DONE.equals(QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).state))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " was not run again");
    }
}
