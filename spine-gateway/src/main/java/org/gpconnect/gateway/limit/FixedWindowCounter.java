package org.gpconnect.gateway.limit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests in fixed time windows without locks. At the turn of a window a few requests may be
 * counted in the old one; a limiter does not need more precision than that.
 */
final class FixedWindowCounter {

    private final AtomicLong window = new AtomicLong(-1);
    private final AtomicLong count = new AtomicLong();

    /** Counts one request in the window {@code windowIndex}; returns the count including it. */
    long increment(long windowIndex) {
        long current = window.get();
        if (current != windowIndex && window.compareAndSet(current, windowIndex)) {
            count.set(0);
        }
        return count.incrementAndGet();
    }

    /** Gives back a request that was counted but then refused by another limit. */
    void decrement() {
        count.decrementAndGet();
    }

    /** The window this counter last counted in. */
    long window() {
        return window.get();
    }
}
