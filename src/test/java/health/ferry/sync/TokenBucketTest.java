package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a hand-moved clock, and how FHIR bases are keyed to buckets. */
class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative

    @Test
    void requestsAreSpacedSoNoMinuteHoldsMoreThanTheRatePlusOne() {
        TokenBucket bucket = new TokenBucket(60, now::get);
        List<Long> sentAt = new ArrayList<>();
        // 300 callers at once, each sending when its slot comes.
        for (int i = 0; i < 300; i++) {
            TokenBucket.Slot slot = bucket.reserve(Duration.ofHours(1));
            assertTrue(slot.granted());
            sentAt.add(now.get() + slot.delay().toNanos());
        }
        assertEquals(Duration.ZERO.toNanos(), sentAt.get(0) - now.get(), "the first request goes at once");
        for (int i = 1; i < sentAt.size(); i++) {
            assertEquals(Duration.ofSeconds(1).toNanos(), sentAt.get(i) - sentAt.get(i - 1), "one a second at 60/min");
        }
        long minute = Duration.ofMinutes(1).toNanos();
        for (long start : sentAt) {
            long inWindow = sentAt.stream().filter(t -> t >= start && t < start + minute).count();
            assertTrue(inWindow <= 60, "at most 60 in any minute, saw " + inWindow);
        }
    }

    @Test
    void theBucketsOwnPeakPerMinuteNeverPassesTheRate() {
        TokenBucket bucket = new TokenBucket(250, now::get);
        for (int i = 0; i < 1_000; i++) { // a burst of 1,000 callers: spaced out, 250 in any minute at most
            assertTrue(bucket.reserve(Duration.ofHours(1)).granted());
        }
        assertEquals(250, bucket.peakPerMinute());
        now.addAndGet(Duration.ofMinutes(30).toNanos());
        for (int i = 0; i < 10; i++) { // a trickle later: the peak stays what it was
            bucket.reserve(Duration.ofHours(1));
            now.addAndGet(Duration.ofSeconds(20).toNanos());
        }
        assertEquals(250, bucket.peakPerMinute());
        TokenBucket quiet = new TokenBucket(250, now::get);
        for (int i = 0; i < 10; i++) {
            quiet.reserve(Duration.ofHours(1));
            now.addAndGet(Duration.ofSeconds(20).toNanos());
        }
        assertEquals(3, quiet.peakPerMinute(), "one every 20 s: three in a minute");
    }

    @Test
    void anIdleBucketServesAtOnceButNeverBanksTokens() {
        TokenBucket bucket = new TokenBucket(120, now::get);
        assertEquals(Duration.ZERO, bucket.reserve(Duration.ZERO).delay());
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals(Duration.ZERO, bucket.reserve(Duration.ZERO).delay(), "idle: the next request goes at once");
        TokenBucket.Slot second = bucket.reserve(Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(500), second.delay(), "ten idle minutes are not a burst of 1,200");
    }

    @Test
    void aWaitLongerThanTheMaximumReservesNothingAndSaysWhenASlotIsFree() {
        TokenBucket bucket = new TokenBucket(6, now::get); // one per 10 s
        Duration max = Duration.ofSeconds(15);
        assertTrue(bucket.reserve(max).granted());
        assertEquals(Duration.ofSeconds(10), bucket.reserve(max).delay());
        TokenBucket.Slot refused = bucket.reserve(max);
        assertFalse(refused.granted());
        assertEquals(Duration.ofSeconds(20), refused.delay());
        assertEquals(refused, bucket.reserve(max), "a refusal took no slot");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        TokenBucket.Slot later = bucket.reserve(max);
        assertTrue(later.granted());
        assertEquals(Duration.ofSeconds(10), later.delay());
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, now::get));
    }

    @Test
    void oneBucketPerEndpointWhateverTheSpelling() {
        String key = PortalRateLimits.key(URI.create("https://ehr.example.org/fhir/r4"));
        assertEquals("https://ehr.example.org:443/fhir/r4", key);
        assertEquals(key, PortalRateLimits.key(URI.create("HTTPS://EHR.example.org:443/fhir/r4/")));
        assertTrue(!key.equals(PortalRateLimits.key(URI.create("https://ehr.example.org/fhir/dstu2"))),
                "another base path on the same host is another endpoint");
        assertTrue(!key.equals(PortalRateLimits.key(URI.create("https://ehr.example.org:8443/fhir/r4"))));
    }

    @Test
    void theGateEndsTheRunWithARetryTimeWhenTheWaitIsTooLong() {
        PortalRateLimits limits = new PortalRateLimits(1, Duration.ofSeconds(5));
        PortalRateLimits.Gate gate = limits.of(URI.create("https://slow.example.org/fhir"));
        gate.pass();
        SyncStopped failure = assertThrows(SyncStopped.class, gate::pass);
        assertEquals("portal_unavailable", failure.code());
        assertTrue(failure.retryAfter().compareTo(Duration.ofSeconds(55)) > 0
                && failure.retryAfter().compareTo(Duration.ofSeconds(61)) <= 0, "retry when the token is free: "
                        + failure.retryAfter());
        // Another endpoint has its own bucket.
        limits.of(URI.create("https://other.example.org/fhir")).pass();
    }

    @Test
    void aMisconfiguredRateStopsStartUp() {
        assertThrows(IllegalStateException.class, () -> new PortalRateLimits(0, Duration.ofMinutes(5)));
        assertThrows(IllegalStateException.class, () -> new PortalRateLimits(250, Duration.ofSeconds(-1)));
    }
}
