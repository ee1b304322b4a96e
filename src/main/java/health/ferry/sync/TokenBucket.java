package health.ferry.sync;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket of one token that refills at a fixed rate: requests are spaced at least {@code 1/rate} apart, so
 * no window of a minute ever holds more than {@code requestsPerMinute + 1} of them, however many callers share the
 * bucket. A caller reserves its slot first and then waits for it, so callers are served in the order they asked.
 */
final class TokenBucket {
    /** A reservation: granted (wait {@code delay}, then go) or refused (a slot is free after {@code delay}). */
    record Slot(boolean granted, Duration delay) {
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextFree;
    private boolean used;
    /** The granted slots of the last minute (times a request went or goes out), oldest first. */
    private final java.util.ArrayDeque<Long> lastMinute = new java.util.ArrayDeque<>();
    private int peakPerMinute;

    TokenBucket(int requestsPerMinute, LongSupplier nanoClock) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1, was " + requestsPerMinute);
        }
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / requestsPerMinute;
        this.nanoClock = nanoClock;
    }

    /**
     * Reserves the next free slot when it comes within {@code maxWait}; otherwise reserves nothing and answers how
     * long until a slot would be free.
     */
    synchronized Slot reserve(Duration maxWait) {
        long now = nanoClock.getAsLong();
        long slot = used && nextFree - now > 0 ? nextFree : now;
        long wait = slot - now;
        if (wait > maxWait.toNanos()) {
            return new Slot(false, Duration.ofNanos(wait));
        }
        nextFree = slot + intervalNanos;
        used = true;
        count(slot);
        return new Slot(true, Duration.ofNanos(wait));
    }

    /**
     * The most requests this bucket let out in any minute so far (a rolling window {@code (t − 60 s, t]} over the
     * granted slots): the limiter's own measure of the peak rate an endpoint saw from this instance.
     */
    synchronized int peakPerMinute() {
        return peakPerMinute;
    }

    private void count(long slot) {
        long minute = Duration.ofMinutes(1).toNanos();
        while (!lastMinute.isEmpty() && slot - lastMinute.peekFirst() >= minute) {
            lastMinute.pollFirst();
        }
        lastMinute.addLast(slot);
        peakPerMinute = Math.max(peakPerMinute, lastMinute.size());
    }
}
